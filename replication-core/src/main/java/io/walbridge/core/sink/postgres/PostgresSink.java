package io.walbridge.core.sink.postgres;

import io.walbridge.core.change.Change;
import io.walbridge.core.change.Column;
import io.walbridge.core.change.Lsn;
import io.walbridge.core.change.SourceEvent;
import io.walbridge.core.change.TableId;
import io.walbridge.core.change.TableSchema;
import io.walbridge.core.sink.Sink;
import io.walbridge.core.sink.SinkFailure;
import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.source.SourceCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies source transactions to a PostgreSQL destination. Many small source transactions share one
 * destination transaction; the checkpoint row is written in that same transaction, so after a crash
 * the destination holds exactly the transactions up to its checkpoint.
 */
public final class PostgresSink implements Sink {

    private static final Logger log = LoggerFactory.getLogger(PostgresSink.class);

    private final Connection connection;
    private final StallWatch watch;
    private final CheckpointTable checkpoint;
    private final DestinationCatalog catalog;
    private final StatementBatch batch;
    private final SourceCatalog source;
    private final SchemaEvolution schema;
    private final Map<TableId, PostgresTable> tables = new HashMap<>();
    private final Map<TableId, TableSchema> shapes = new HashMap<>();
    private final RelationShapes savedShapes;

    private Lsn durable;
    private boolean inTransaction;
    private boolean skipping;
    private Lsn pendingEnd;
    private Instant pendingCommitTime;
    private long reportedNotFound;
    /** Staging tables are temporary, so their names only need to be unique on this sink's connection. */
    private int stages;

    /** @param source where to read table and type definitions the destination lacks */
    public PostgresSink(PgEndpoint target, String pipeline, SourceCatalog source) {
        this(target, pipeline, source, Duration.ofSeconds(30)); // PipelineConfig's default
    }

    /**
     * @param stallTimeout how long a call may run before the destination session is checked for life (see
     *                     {@link StallWatch}); a dead one is aborted so that the pipeline reconnects
     */
    public PostgresSink(PgEndpoint target, String pipeline, SourceCatalog source, Duration stallTimeout) {
        this.source = source;
        try {
            java.util.Properties props = target.jdbcProperties();
            // consecutive inserts into one table become multi-row INSERTs: one statement per batch, not per row
            props.setProperty("reWriteBatchedInserts", "true");
            connection = DriverManager.getConnection(target.jdbcUrl(), props);
            watch = StallWatch.of(target, connection, stallTimeout);
            watch.begin();
            checkpoint = new CheckpointTable(connection, pipeline);
            checkpoint.ensureExists();
            savedShapes = new RelationShapes(connection, pipeline);
            savedShapes.ensureExists();
            catalog = new DestinationCatalog(connection);
            connection.setAutoCommit(false);
            durable = checkpoint.read().orElse(null);
            connection.commit();
            batch = new StatementBatch(connection);
            schema = new SchemaEvolution(connection, source, catalog);
            watch.end();
        } catch (SQLException e) {
            closeAfterFailedOpen();
            throw stalledOr(SinkErrors.translate(e, "connect to the destination " + target.display()));
        }
    }

    private void closeAfterFailedOpen() {
        if (watch != null) {
            watch.close();
        }
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            log.debug("close failed", e);
        }
    }

    /** The failure to report: the watch's reason when it gave the connection up, else the call's own error. */
    private SinkFailure stalledOr(SinkFailure failure) {
        String why = watch == null ? null : watch.abortedBecause();
        return why == null ? failure : new SinkFailure("gave up the destination connection: " + why,
                "WalBridge reconnects by itself; if this keeps happening, check the network between WalBridge and the"
                        + " destination", true, failure);
    }

    @Override
    public Optional<Lsn> durablePosition() {
        return Optional.ofNullable(durable);
    }

    @Override
    public Optional<Lsn> apply(List<SourceEvent> events) {
        watch.begin();
        try {
            for (SourceEvent event : events) {
                accept(event);
            }
            batch.flush();
            if (inTransaction || pendingEnd == null) {
                return Optional.empty(); // a huge transaction continues in the next batch
            }
            checkpoint.write(pendingEnd, pendingCommitTime);
            connection.commit();
            durable = pendingEnd;
            pendingEnd = null;
            reportRowsNotFound();
            return Optional.of(durable);
        } catch (SQLException e) {
            abandon();
            throw stalledOr(SinkErrors.translate(e, "apply changes to the destination"));
        } catch (RuntimeException e) {
            abandon();
            throw e;
        } finally {
            watch.end();
        }
    }

    private void accept(SourceEvent event) throws SQLException {
        if (event instanceof SourceEvent.Begin b) {
            inTransaction = true;
            // a transaction that committed before the checkpoint is already here (a replay after a crash)
            skipping = durable != null && b.finalLsn().isBefore(durable);
        } else if (event instanceof SourceEvent.Commit c) {
            inTransaction = false;
            if (!skipping) {
                pendingEnd = c.endLsn();
                pendingCommitTime = c.commitTime();
            }
            skipping = false;
        } else if (event instanceof Change.SchemaChange sc) {
            if (!skipping) {
                batch.flush();
                table(sc.table());
            }
        } else if (event instanceof Change.Truncate t) {
            if (!skipping) {
                batch.flush();
                truncate(t);
            }
        } else if (event instanceof Change change) {
            if (!skipping) {
                table(change.table()).write(change, batch);
            }
        }
    }

    private void truncate(Change.Truncate t) throws SQLException {
        for (TableSchema s : t.tables()) {
            table(s);
        }
        String names = t.tables().stream().map(s -> s.id().quoted()).collect(Collectors.joining(", "));
        try (Statement s = connection.createStatement()) {
            s.execute("TRUNCATE " + names + (t.restartIdentity() ? " RESTART IDENTITY" : ""));
        }
    }

    /** The writer for a relation, after bringing the destination table in line with the relation's columns. */
    private PostgresTable table(TableSchema rel) throws SQLException {
        TableId id = rel.id();
        PostgresTable t = tables.get(id);
        TableSchema known = shapes.get(id);
        if (t != null && known != null && (known == rel || Column.sameLayout(known.columns(), rel.columns()))) {
            return t;
        }
        batch.flush();
        List<DestinationColumn> cols = catalog.columns(id);
        Optional<List<Column>> saved = known != null ? Optional.of(known.columns()) : savedShapes.load(id);
        if (cols.isEmpty()) {
            log.info("creating destination table {}", id);
            catalog.create(source.describe(id));
        } else if (saved.isPresent() && !Column.sameLayout(saved.get(), rel.columns())) {
            schema.apply(new TableSchema(rel.relationOid(), id, rel.replicaIdentity(), saved.get()), rel);
        } else if (saved.isEmpty()) {
            schema.addMissing(rel, cols);
        }
        if (saved.isEmpty() || !Column.sameLayout(saved.get(), rel.columns())) {
            savedShapes.save(id, rel.columns());
        }
        t = new PostgresTable(id, catalog.columns(id), catalog.primaryKey(id), () -> "walbridge_stage_" + ++stages);
        tables.put(id, t);
        shapes.put(id, rel);
        return t;
    }

    private void reportRowsNotFound() {
        long n = batch.rowsNotFound();
        if (n > reportedNotFound) {
            log.warn("{} update(s)/delete(s) found no row on the destination (rows that were never copied there)",
                    n - reportedNotFound);
            reportedNotFound = n;
        }
    }

    /** Rolls back the open destination transaction; the events are re-read from the slot after a restart. */
    private void abandon() {
        batch.discard();
        inTransaction = false;
        skipping = false;
        pendingEnd = null;
        tables.clear();
        shapes.clear();
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.debug("rollback failed", e);
        }
    }

    @Override
    public void close() {
        watch.close();
        batch.close();
        try {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.close();
            }
        } catch (SQLException e) {
            log.debug("close failed", e);
        }
    }
}
