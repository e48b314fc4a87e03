package io.walbridge.core.source;

import io.walbridge.core.change.Cell;
import io.walbridge.core.change.Column;
import io.walbridge.core.change.Lsn;
import io.walbridge.core.change.ReplicaIdentity;
import io.walbridge.core.change.Row;
import io.walbridge.core.change.TableId;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes pgoutput messages (protocol versions 1 and 2, streaming included) from bytes. Pure: no I/O,
 * no catalog look-ups; the only state is whether a stream block is open, which decides whether
 * messages carry an xid. Layouts follow "Logical Replication Message Formats" in the PostgreSQL docs.
 */
public final class PgOutputDecoder {

    private boolean inStream;

    public PgOutputMessage decode(ByteBuffer buffer) {
        WireReader in = new WireReader(buffer);
        char tag = (char) in.int8();
        return switch (tag) {
            case 'B' -> begin(in);
            case 'C' -> commit(in);
            case 'O' -> origin(in);
            case 'R' -> relation(in);
            case 'Y' -> type(in);
            case 'I' -> insert(in);
            case 'U' -> update(in);
            case 'D' -> delete(in);
            case 'T' -> truncate(in);
            case 'M' -> message(in);
            case 'S' -> streamStart(in);
            case 'E' -> streamStop();
            case 'c' -> streamCommit(in);
            case 'A' -> streamAbort(in);
            default -> throw new UnsupportedMessage(tag);
        };
    }

    // B: Int64 final LSN, Int64 commit time, Int32 xid
    private PgOutputMessage begin(WireReader in) {
        return new PgOutputMessage.Begin(new Lsn(in.int64()), in.timestamp(), in.uint32());
    }

    // C: Int8 flags, Int64 commit LSN, Int64 end LSN, Int64 commit time
    private PgOutputMessage commit(WireReader in) {
        in.int8();
        return new PgOutputMessage.Commit(new Lsn(in.int64()), new Lsn(in.int64()), in.timestamp());
    }

    // O: Int64 origin commit LSN, String origin name
    private PgOutputMessage origin(WireReader in) {
        return new PgOutputMessage.Origin(new Lsn(in.int64()), in.cstring());
    }

    // R: [Int32 xid], Int32 OID, String namespace, String name, Int8 identity, Int16 n, n × (Int8 flags, String name, Int32 type, Int32 typmod)
    private PgOutputMessage relation(WireReader in) {
        long xid = streamXid(in);
        int oid = in.int32();
        String namespace = in.cstring();
        String name = in.cstring();
        ReplicaIdentity identity = ReplicaIdentity.of((char) in.int8());
        int n = in.int16();
        List<Column> columns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean key = (in.int8() & 1) != 0;
            String column = in.cstring();
            columns.add(new Column(column, in.int32(), in.int32(), key));
        }
        // pgoutput sends an empty namespace for pg_catalog only; user tables always carry theirs
        return new PgOutputMessage.Relation(xid, oid, new TableId(namespace.isEmpty() ? "pg_catalog" : namespace, name),
                identity, columns);
    }

    // Y: [Int32 xid], Int32 OID, String namespace, String name
    private PgOutputMessage type(WireReader in) {
        long xid = streamXid(in);
        return new PgOutputMessage.Type(xid, in.int32(), in.cstring(), in.cstring());
    }

    // I: [Int32 xid], Int32 OID, Byte1 'N', TupleData
    private PgOutputMessage insert(WireReader in) {
        long xid = streamXid(in);
        int oid = in.int32();
        expect(in, 'N');
        return new PgOutputMessage.Insert(xid, oid, tuple(in));
    }

    // U: [Int32 xid], Int32 OID, optional ('K'|'O' TupleData), 'N' TupleData
    private PgOutputMessage update(WireReader in) {
        long xid = streamXid(in);
        int oid = in.int32();
        char kind = (char) in.int8();
        Row old = null;
        char oldKind = 0;
        if (kind == 'K' || kind == 'O') {
            oldKind = kind;
            old = tuple(in);
            kind = (char) in.int8();
        }
        if (kind != 'N') {
            throw new MalformedMessage("update without new tuple (got '" + kind + "')");
        }
        return new PgOutputMessage.Update(xid, oid, oldKind, old, tuple(in));
    }

    // D: [Int32 xid], Int32 OID, 'K'|'O', TupleData
    private PgOutputMessage delete(WireReader in) {
        long xid = streamXid(in);
        int oid = in.int32();
        char kind = (char) in.int8();
        if (kind != 'K' && kind != 'O') {
            throw new MalformedMessage("delete without old key or old row (got '" + kind + "')");
        }
        return new PgOutputMessage.Delete(xid, oid, kind, tuple(in));
    }

    // T: [Int32 xid], Int32 n, Int8 options (1 cascade, 2 restart identity), n × Int32 OID
    private PgOutputMessage truncate(WireReader in) {
        long xid = streamXid(in);
        int n = in.int32();
        int options = in.int8();
        List<Integer> oids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            oids.add(in.int32());
        }
        return new PgOutputMessage.Truncate(xid, oids, (options & 1) != 0, (options & 2) != 0);
    }

    // M: [Int32 xid], Int8 flags (1 = transactional), Int64 LSN, String prefix, Int32 n, Byte[n]
    private PgOutputMessage message(WireReader in) {
        long xid = streamXid(in);
        boolean transactional = (in.int8() & 1) != 0;
        Lsn lsn = new Lsn(in.int64());
        String prefix = in.cstring();
        return new PgOutputMessage.Message(xid, transactional, lsn, prefix, in.bytes(in.int32()));
    }

    // S: Int32 xid, Int8 first segment
    private PgOutputMessage streamStart(WireReader in) {
        inStream = true;
        return new PgOutputMessage.StreamStart(in.uint32(), in.int8() == 1);
    }

    // E: no fields
    private PgOutputMessage streamStop() {
        inStream = false;
        return new PgOutputMessage.StreamStop();
    }

    // c: Int32 xid, Int8 flags, Int64 commit LSN, Int64 end LSN, Int64 commit time
    private PgOutputMessage streamCommit(WireReader in) {
        long xid = in.uint32();
        in.int8();
        return new PgOutputMessage.StreamCommit(xid, new Lsn(in.int64()), new Lsn(in.int64()), in.timestamp());
    }

    // A: Int32 xid, Int32 sub-xid (protocol 4 adds abort LSN and time, which we do not request)
    private PgOutputMessage streamAbort(WireReader in) {
        return new PgOutputMessage.StreamAbort(in.uint32(), in.uint32());
    }

    // TupleData: Int16 n, n × ('n' | 'u' | 't' Int32 len Byte[len] | 'b' Int32 len Byte[len])
    private static Row tuple(WireReader in) {
        int n = in.int16();
        List<Cell> cells = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            char kind = (char) in.int8();
            cells.add(switch (kind) {
                case 'n' -> Cell.NULL;
                case 'u' -> Cell.UNCHANGED;
                case 't' -> Cell.Text.ofUtf8(in.bytes(in.int32()));
                case 'b' -> new Cell.Binary(in.bytes(in.int32()));
                default -> throw new MalformedMessage("unknown tuple column kind '" + kind + "'");
            });
        }
        return new Row(cells);
    }

    private long streamXid(WireReader in) {
        return inStream ? in.uint32() : 0;
    }

    private static void expect(WireReader in, char tag) {
        char got = (char) in.int8();
        if (got != tag) {
            throw new MalformedMessage("expected '" + tag + "' but got '" + got + "'");
        }
    }

    /** A message type this decoder does not handle (e.g. two-phase messages, which WalBridge never enables). */
    public static final class UnsupportedMessage extends RuntimeException {
        public UnsupportedMessage(char tag) {
            super("unsupported pgoutput message type '" + tag + "'");
        }
    }

    /** Bytes that do not follow the pgoutput layout. */
    public static final class MalformedMessage extends RuntimeException {
        public MalformedMessage(String detail) {
            super("malformed pgoutput message: " + detail);
        }
    }
}
