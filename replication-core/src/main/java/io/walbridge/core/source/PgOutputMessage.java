package io.walbridge.core.source;

import io.walbridge.core.change.Column;
import io.walbridge.core.change.Lsn;
import io.walbridge.core.change.ReplicaIdentity;
import io.walbridge.core.change.Row;
import io.walbridge.core.change.TableId;

import java.time.Instant;
import java.util.List;

/**
 * One pgoutput protocol message, as the wire carries it: relations are still referenced by OID.
 * {@code xid} fields are 0 unless the message belongs to a streamed in-progress transaction.
 */
public sealed interface PgOutputMessage {

    record Begin(Lsn finalLsn, Instant commitTime, long xid) implements PgOutputMessage {
    }

    record Commit(Lsn commitLsn, Lsn endLsn, Instant commitTime) implements PgOutputMessage {
    }

    record Origin(Lsn originLsn, String name) implements PgOutputMessage {
    }

    record Relation(long xid, int relationOid, TableId table, ReplicaIdentity replicaIdentity, List<Column> columns)
            implements PgOutputMessage {
        public Relation {
            columns = List.copyOf(columns);
        }
    }

    record Type(long xid, int typeOid, String schema, String name) implements PgOutputMessage {
    }

    record Insert(long xid, int relationOid, Row newRow) implements PgOutputMessage {
    }

    /** @param oldKind 'K' (old key), 'O' (old row, REPLICA IDENTITY FULL) or 0 when no old tuple was sent */
    record Update(long xid, int relationOid, char oldKind, Row oldRow, Row newRow) implements PgOutputMessage {
    }

    /** @param oldKind 'K' (old key) or 'O' (old row, REPLICA IDENTITY FULL) */
    record Delete(long xid, int relationOid, char oldKind, Row oldRow) implements PgOutputMessage {
    }

    record Truncate(long xid, List<Integer> relationOids, boolean cascade, boolean restartIdentity)
            implements PgOutputMessage {
        public Truncate {
            relationOids = List.copyOf(relationOids);
        }
    }

    /** A logical decoding message written with {@code pg_logical_emit_message}. */
    record Message(long xid, boolean transactional, Lsn lsn, String prefix, byte[] content) implements PgOutputMessage {
    }

    record StreamStart(long xid, boolean firstSegment) implements PgOutputMessage {
    }

    record StreamStop() implements PgOutputMessage {
    }

    record StreamCommit(long xid, Lsn commitLsn, Lsn endLsn, Instant commitTime) implements PgOutputMessage {
    }

    record StreamAbort(long xid, long subXid) implements PgOutputMessage {
    }
}
