package io.walbridge.core.handoff.datastream;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.walbridge.core.UserFacingException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * OAuth access tokens for Google's APIs from google-auth-library: a service-account key file, or the
 * application default credentials ({@code gcloud auth application-default login}, GOOGLE_APPLICATION_CREDENTIALS).
 * Tokens are refreshed when they expire; the key and tokens are never logged.
 */
public final class GoogleAccessTokens implements DatastreamClient.AccessTokens {

    static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/cloud-platform");

    private final GoogleCredentials credentials;
    private final String origin;

    private GoogleAccessTokens(GoogleCredentials credentials, String origin) {
        this.credentials = credentials.createScoped(SCOPES);
        this.origin = origin;
    }

    /** From a service-account key file (JSON) as the console's Keys › Add key › JSON downloads it. */
    public static GoogleAccessTokens fromKeyFile(Path keyFile) {
        try (InputStream in = Files.newInputStream(keyFile)) {
            return new GoogleAccessTokens(GoogleCredentials.fromStream(in), "key file " + keyFile);
        } catch (NoSuchFileException e) {
            throw new UserFacingException("the key file " + keyFile + " does not exist",
                    "choose the service account's JSON key file (IAM › Service accounts › Keys › Add key › JSON)");
        } catch (IOException | IllegalArgumentException e) {
            throw new UserFacingException("the key file " + keyFile + " is not a Google credentials file: "
                    + firstLine(e), "choose the JSON key file of a service account, not a certificate or a P12 key");
        }
    }

    /** From the application default credentials of this machine. */
    public static GoogleAccessTokens applicationDefault() {
        try {
            return new GoogleAccessTokens(GoogleCredentials.getApplicationDefault(), "application default credentials");
        } catch (IOException e) {
            throw new UserFacingException("no Google credentials are set up on this machine",
                    "choose a service account key file, or run: gcloud auth application-default login");
        }
    }

    @Override
    public String bearer() {
        try {
            credentials.refreshIfExpired();
            AccessToken token = credentials.getAccessToken();
            if (token == null) {
                throw new IOException("no access token was issued");
            }
            return token.getTokenValue();
        } catch (IOException e) {
            throw new UserFacingException("Google refused the " + origin + ": " + firstLine(e),
                    "check that the service account and its key still exist (a deleted or disabled key is refused);"
                            + " create a new key if needed");
        }
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
