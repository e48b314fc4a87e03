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
    private final HeardFrom heard;
    private final Duration quietAfter;
    private final Duration stallTimeout;
    /** When the unanswered request for a sign of life went out; 0 when none is outstanding. */
    private long probeSent;
    private boolean stalled;

    private WalReader(Connection connection, PGReplicationStream stream, String slot, String publication, HeardFrom heard,
                      Duration quietAfter, Duration stallTimeout) {
        this.connection = connection;
        this.stream = stream;
        this.slot = slot;
        this.publication = publication;
        this.heard = heard;
        this.quietAfter = quietAfter;
        this.stallTimeout = stallTimeout;
    }

    /**
     * Starts streaming {@code slot} from {@code start} (0/0 lets the server use the slot's confirmed position).
     *
     * @param stallTimeout how long a request for a sign of life may go unanswered before the connection is
     *                     declared dead; also bounds every blocking read (login, the reply to stopping the stream)
     */
    public static WalReader open(PgEndpoint endpoint, String slot, String publication, Lsn start, Duration statusInterval,
                                 Duration stallTimeout) {
        HeardFrom heard = HeardFrom.open();
        Properties props = endpoint.replicationProperties();
        props.setProperty("socketFactory", ListeningSocketFactory.class.getName());
        props.setProperty("socketFactoryArg", heard.key());
        if (!endpoint.params().containsKey("socketTimeout")) {
            props.setProperty("socketTimeout", String.valueOf(Math.max(1, (stallTimeout.toMillis() + 999) / 1000)));
        }
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
            return new WalReader(c, s, slot, publication, heard, statusInterval, stallTimeout);
        } catch (SQLException e) {
            closeQuietly(c);
            heard.close();
            throw SourceErrors.translate(e, slot, publication);
        }
    }

    /**
     * Called by the read loop when nothing is pending. A healthy server that has nothing to send says nothing
     * (our regular status updates keep it from sending keepalives), so after a quiet spell this asks it for a
     * reply; a request that stays unanswered for the stall timeout means the path or the server is gone —
     * a black-holed connection that TCP alone would keep open for hours.
     */
    public void whileQuiet() {
        long now = System.nanoTime();
        long last = heard.lastNanos();
        if (probeSent != 0 && last - probeSent >= 0) {
            probeSent = 0; // answered (or anything else arrived since)
        }
        if (probeSent == 0) {
            if (now - last >= quietAfter.toNanos()) {
                sendStatus(); // forceUpdateStatus sets "reply requested"
                probeSent = now;
            }
        } else if (now - probeSent > stallTimeout.toNanos()) {
            stalled = true;
            throw new SourceUnavailable("the source has not answered for " + seconds(now - probeSent) + " s, not even a"
                    + " keepalive request (a stalled network path or a hung server)", "WalBridge reconnects by itself;"
                    + " if this keeps happening, check firewalls or NAT gateways between WalBridge and the source that"
                    + " drop long-lived connections", true, null);
        }
    }

    private static long seconds(long nanos) {
        return Duration.ofNanos(nanos).toSeconds();
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
        heard.close();
        if (stalled) {
            // ending the stream politely waits for the server's reply, which a dead path never delivers
            try {
                connection.abort(Runnable::run);
            } catch (SQLException e) {
                closeQuietly(connection);
            }
            return;
        }
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
