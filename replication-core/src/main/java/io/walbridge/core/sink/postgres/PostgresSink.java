package io.walbridge.core.sink.postgres;

import io.walbridge.core.change.Change;
import io.walbridge.core.change.Lsn;
import io.walbridge.core.change.SourceEvent;
import io.walbridge.core.change.TableId;
import io.walbridge.core.change.TableSchema;
import io.walbridge.core.sink.Sink;
import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.source.TableDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies source transactions to a PostgreSQL destination. Many small source transactions share one
 * destination transaction; the checkpoint row is written in that same transaction, so after a crash
 * the destination holds exactly the transactions up to its checkpoint.
 */
public final class PostgresSink implements Sink {

    private static final Logger log = LoggerFactory.getLogger(PostgresSink.class);

    private final Connection connection;
    private final CheckpointTable checkpoint;
    private final DestinationCatalog catalog;
    private final StatementBatch batch;
    private final Function<TableId, TableDefinition> sourceDefinitions;
    private final Map<TableId, PostgresTable> tables = new HashMap<>();

    private Lsn durable;
    private boolean inTransaction;
    private boolean skipping;
    private Lsn pendingEnd;
    private Instant pendingCommitTime;
    private long reportedNotFound;

    /**
     * @param sourceDefinitions how to learn a source table's definition when the destination lacks the table
     */
    public PostgresSink(PgEndpoint target, String pipeline, Function<TableId, TableDefinition> sourceDefinitions) {
        this.sourceDefinitions = sourceDefinitions;
        try {
            connection = DriverManager.getConnection(target.jdbcUrl(), target.jdbcProperties());
            checkpoint = new CheckpointTable(connection, pipeline);
            checkpoint.ensureExists();
            catalog = new DestinationCatalog(connection);
            connection.setAutoCommit(false);
            durable = checkpoint.read().orElse(null);
            connection.commit();
            batch = new StatementBatch(connection);
        } catch (SQLException e) {
            throw SinkErrors.translate(e, "connect to the destination " + target.display());
        }
    }

    @Override
    public Optional<Lsn> durablePosition() {
        return Optional.ofNullable(durable);
    }

    @Override
    public Optional<Lsn> apply(List<SourceEvent> events) {
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
            throw SinkErrors.translate(e, "apply changes to the destination");
        } catch (RuntimeException e) {
            abandon();
            throw e;
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

    private PostgresTable table(TableSchema rel) throws SQLException {
        PostgresTable t = tables.get(rel.id());
        if (t == null) {
            List<DestinationColumn> cols = catalog.columns(rel.id());
            if (cols.isEmpty()) {
                log.info("creating destination table {}", rel.id());
                catalog.create(sourceDefinitions.apply(rel.id()));
                cols = catalog.columns(rel.id());
            }
            t = new PostgresTable(rel.id(), cols, catalog.primaryKey(rel.id()));
            tables.put(rel.id(), t);
        }
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
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.debug("rollback failed", e);
        }
    }

    @Override
    public void close() {
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
