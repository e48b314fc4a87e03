package io.walbridge.core.source;

import io.walbridge.core.change.Change;
import io.walbridge.core.change.SourceEvent;
import io.walbridge.core.change.TableSchema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns pgoutput messages into source events, resolving relation OIDs through the Relation messages
 * seen so far (pgoutput sends a table's Relation before its first change in each session and again
 * whenever its definition changes).
 */
public final class ChangeAssembler {

    private final Map<Integer, TableSchema> relations = new HashMap<>();
    private long currentXid;
    private boolean inTransaction;

    /**
     * The event this message stands for, if any (Relation, Type, Origin and Message produce none).
     * Java 17 has no pattern switch, so the sealed hierarchy is matched with instanceof in one place.
     */
    public Optional<SourceEvent> accept(PgOutputMessage message) {
        if (message instanceof PgOutputMessage.Begin b) {
            currentXid = b.xid();
            inTransaction = true;
            return Optional.of(new SourceEvent.Begin(b.xid(), b.finalLsn(), b.commitTime()));
        } else if (message instanceof PgOutputMessage.Commit c) {
            inTransaction = false;
            return Optional.of(new SourceEvent.Commit(currentXid, c.commitLsn(), c.endLsn(), c.commitTime()));
        } else if (message instanceof PgOutputMessage.Relation r) {
            TableSchema now = new TableSchema(r.relationOid(), r.table(), r.replicaIdentity(), r.columns());
            TableSchema before = relations.put(r.relationOid(), now);
            // pgoutput resends a Relation after reconnects and cache resets too; only a different shape is news
            if (before != null && !io.walbridge.core.change.Column.sameLayout(before.columns(), now.columns())) {
                return Optional.of(new Change.SchemaChange(before, now));
            }
        } else if (message instanceof PgOutputMessage.Insert i) {
            return Optional.of(new Change.Insert(relation(i.relationOid()), i.newRow()));
        } else if (message instanceof PgOutputMessage.Update u) {
            return Optional.of(new Change.Update(relation(u.relationOid()), u.oldRow(), u.newRow()));
        } else if (message instanceof PgOutputMessage.Delete d) {
            return Optional.of(new Change.Delete(relation(d.relationOid()), d.oldRow()));
        } else if (message instanceof PgOutputMessage.Truncate t) {
            List<TableSchema> tables = new ArrayList<>(t.relationOids().size());
            for (int oid : t.relationOids()) {
                tables.add(relation(oid));
            }
            return Optional.of(new Change.Truncate(tables, t.cascade(), t.restartIdentity()));
        } else if (message instanceof PgOutputMessage.StreamStart || message instanceof PgOutputMessage.StreamStop
                || message instanceof PgOutputMessage.StreamCommit || message instanceof PgOutputMessage.StreamAbort) {
            throw new IllegalStateException("the server sent a streamed transaction although streaming was not requested");
        }
        // Type, Origin and Message carry nothing the destination needs
        return Optional.empty();
    }

    /** True between a Begin and its Commit: positions read there are not safe to confirm. */
    public boolean inTransaction() {
        return inTransaction;
    }

    private TableSchema relation(int oid) {
        TableSchema schema = relations.get(oid);
        if (schema == null) {
            throw new PgOutputDecoder.MalformedMessage("change for relation " + oid + " before its Relation message");
        }
        return schema;
    }
}
