package io.walbridge.core;

/** A failure of either end of a pipeline; {@code retriable} says whether reconnecting later may cure it. */
public abstract class ReplicationFailure extends UserFacingException {

    private final boolean retriable;

    protected ReplicationFailure(String problem, String fix, boolean retriable, Throwable cause) {
        super(problem, fix, cause);
        this.retriable = retriable;
    }

    public boolean retriable() {
        return retriable;
    }
}
