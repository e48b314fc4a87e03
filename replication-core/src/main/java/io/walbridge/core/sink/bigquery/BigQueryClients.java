package io.walbridge.core.sink.bigquery;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import io.grpc.ManagedChannelBuilder;
import io.walbridge.core.UserFacingException;
import io.walbridge.core.sink.SinkFailure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * The two Google clients a BigQuery destination needs — REST for datasets, tables and jobs, gRPC for the
 * Storage Write API — pointed at Google with the configured credentials, or at a local emulator.
 */
public final class BigQueryClients implements AutoCloseable {

    private static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/bigquery");
    /**
     * The write client logs every connection and close at INFO through java.util.logging, straight to stderr;
     * only its warnings are worth a user's screen. Held here so the setting is not garbage-collected.
     */
    private static final java.util.logging.Logger WRITE_CLIENT_LOG = quiet("com.google.cloud.bigquery.storage");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
        l.setLevel(java.util.logging.Level.WARNING);
        return l;
    }

    private final BigQueryTarget target;
    private final BigQuery bigQuery;
    private final BigQueryWriteSettings writeSettings;
    private BigQueryWriteClient write;

    private BigQueryClients(BigQueryTarget target, BigQuery bigQuery, BigQueryWriteSettings writeSettings) {
        this.target = target;
        this.bigQuery = bigQuery;
        this.writeSettings = writeSettings;
    }

    /** Connects (nothing is sent yet; the first call fails with a clear message if access is refused). */
    public static BigQueryClients open(BigQueryTarget target) {
        BigQueryEndpoints e = target.endpoints();
        Credentials credentials = e.isGoogle() ? credentials(target) : NoCredentials.getInstance();
        BigQueryOptions.Builder rest = BigQueryOptions.newBuilder().setProjectId(target.project()).setCredentials(credentials);
        if (target.location() != null) {
            rest.setLocation(target.location());
        }
        if (!e.isGoogle()) {
            rest.setHost(e.api());
        }
        try {
            BigQueryWriteSettings.Builder ws = BigQueryWriteSettings.newBuilder();
            CredentialsProvider cp = e.isGoogle() ? FixedCredentialsProvider.create(credentials) : NoCredentialsProvider.create();
            ws.setCredentialsProvider(cp);
            if (!e.isGoogle()) {
                ws.setEndpoint(e.writeApi());
                ws.setTransportChannelProvider(InstantiatingGrpcChannelProvider.newBuilder()
                        .setEndpoint(e.writeApi())
                        .setChannelConfigurator(ManagedChannelBuilder::usePlaintext)
                        .build());
            }
            return new BigQueryClients(target, rest.build().getService(), ws.build());
        } catch (IOException ex) {
            throw new SinkFailure("could not set up the BigQuery Storage Write API client: " + ex.getMessage(),
                    "check the network connection to BigQuery", true, ex);
        }
    }

    /** The key file's credentials, or Application Default Credentials; the key's contents stay in memory only. */
    static Credentials credentials(BigQueryTarget target) {
        if (target.credentials() == null) {
            try {
                return GoogleCredentials.getApplicationDefault().createScoped(SCOPES);
            } catch (IOException ex) {
                throw new UserFacingException("no Google credentials: no key file was given and Application Default"
                        + " Credentials are not set up on this machine",
                        "add credentials=/path/key.json to the BigQuery URL (a service-account key), or run"
                                + " 'gcloud auth application-default login', or set GOOGLE_APPLICATION_CREDENTIALS", ex);
            }
        }
        try (InputStream in = Files.newInputStream(target.credentials())) {
            return GoogleCredentials.fromStream(in).createScoped(SCOPES);
        } catch (NoSuchFileException ex) {
            throw new UserFacingException("the key file " + target.credentials() + " does not exist",
                    "download a JSON key of the service account (IAM > Service accounts > Keys) and give its path");
        } catch (IOException | RuntimeException ex) {
            // the parser's message may quote the file; only say what kind of problem it is
            throw new UserFacingException("the key file " + target.credentials() + " cannot be used: it is not a readable"
                    + " Google service-account JSON key",
                    "give the path of the JSON key file of the service account (it starts with {\"type\": \"service_account\"");
        }
    }

    public BigQueryTarget target() {
        return target;
    }

    public BigQuery bigQuery() {
        return bigQuery;
    }

    /** The Storage Write API client, made on first use (its gRPC channel is only needed to write rows). */
    public synchronized BigQueryWriteClient write() {
        if (write == null) {
            try {
                write = BigQueryWriteClient.create(writeSettings);
            } catch (IOException ex) {
                throw new SinkFailure("could not set up the BigQuery Storage Write API client: " + ex.getMessage(),
                        "check the network connection to BigQuery", true, ex);
            }
        }
        return write;
    }

    @Override
    public synchronized void close() {
        if (write != null) {
            write.close();
            write = null;
        }
    }
}
