package io.walbridge.core.change;

/** {@code pg_class.relreplident}: which old values the source logs for updates and deletes. */
public enum ReplicaIdentity {
    DEFAULT('d'), NOTHING('n'), FULL('f'), INDEX('i');

    private final char code;

    ReplicaIdentity(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static ReplicaIdentity of(char code) {
        for (ReplicaIdentity r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown replica identity '" + code + "'");
    }
}
