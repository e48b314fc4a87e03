package io.walbridge.core.source;

import io.walbridge.core.change.Lsn;
import io.walbridge.core.sql.Sql;
import org.postgresql.PGConnection;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Reads a logical slot through pgjdbc's replication API with pgoutput. The pgjdbc stream is not
 * thread-safe and sends status updates only inside read calls, so one thread owns a reader; other
 * threads only hand it positions to confirm through that thread.
 */
public final class WalReader implements AutoCloseable {

    private final Connection connection;
    private final PGReplicationStream stream;
    private final String slot;
    private final String publication;

    private WalReader(Connection connection, PGReplicationStream stream, String slot, String publication) {
        this.connection = connection;
        this.stream = stream;
        this.slot = slot;
        this.publication = publication;
    }

    /** Starts streaming {@code slot} from {@code start} (0/0 lets the server use the slot's confirmed position). */
    public static WalReader open(PgEndpoint endpoint, String slot, String publication, Lsn start, Duration statusInterval) {
        Properties props = endpoint.replicationProperties();
        Connection c = null;
        try {
            c = DriverManager.getConnection(endpoint.jdbcUrl(), props);
            PGReplicationStream s = c.unwrap(PGConnection.class).getReplicationAPI()
                    .replicationStream().logical()
                    .withSlotName(slot)
                    .withSlotOption("proto_version", 1)
                    // the option is parsed as an identifier list, so the name is quoted like one
                    .withSlotOption("publication_names", Sql.ident(publication))
                    .withStartPosition(LogSequenceNumber.valueOf(start.value()))
                    .withStatusInterval((int) statusInterval.toMillis(), TimeUnit.MILLISECONDS)
                    .withAutomaticFlush(false)
                    .start();
            return new WalReader(c, s, slot, publication);
        } catch (SQLException e) {
            closeQuietly(c);
            throw SourceErrors.translate(e, slot, publication);
        }
    }

    /** The next message's bytes (a slice: decode by position), or null when nothing is waiting. */
    public ByteBuffer readPending() {
        try {
            return stream.readPending();
        } catch (SQLException e) {
            throw SourceErrors.translate(e, slot, publication);
        }
    }

    /** WAL start of the last message read, or the server's position from its latest keepalive if later. */
    public Lsn lastReceived() {
        return new Lsn(stream.getLastReceiveLSN().asLong());
    }

    /** Records that everything up to {@code lsn} is durably applied; sent with the next status update. */
    public void confirm(Lsn lsn) {
        LogSequenceNumber l = LogSequenceNumber.valueOf(lsn.value());
        stream.setFlushedLSN(l);
        stream.setAppliedLSN(l);
    }

    /** Sends a standby status update now (positions, and a sign of life for wal_sender_timeout). */
    public void sendStatus() {
        try {
            stream.forceUpdateStatus();
        } catch (SQLException e) {
            throw SourceErrors.translate(e, slot, publication);
        }
    }

    @Override
    public void close() {
        try {
            if (!stream.isClosed()) {
                stream.close();
            }
        } catch (SQLException e) {
            // closing a broken stream fails too; the connection is closed below either way
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // nothing useful to do with a failure to close
            }
        }
    }
}
