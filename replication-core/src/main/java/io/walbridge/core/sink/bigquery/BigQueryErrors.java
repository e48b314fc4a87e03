package io.walbridge.core.sink.bigquery;

import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.walbridge.core.sink.SinkFailure;

import java.util.Set;

/**
 * BigQuery's errors as failures a user can act on. Unavailable services, quota and rate limits and backend
 * errors are retriable (the pipeline backs off and tries again); everything else stops it.
 */
final class BigQueryErrors {

    private static final Set<String> RETRIABLE_REASONS = Set.of("backendError", "internalError", "rateLimitExceeded",
            "quotaExceeded", "jobRateLimitExceeded", "tableUnavailable");
    private static final String ROLES = "give the service account the roles BigQuery Data Editor on the dataset (or"
            + " project) and BigQuery Job User on the project";

    private BigQueryErrors() {
    }

    /** A REST API failure while trying to {@code doing}. */
    static SinkFailure rest(BigQueryException e, String doing) {
        BigQueryError err = e.getError();
        String reason = err == null ? "" : String.valueOf(err.getReason());
        String msg = e.getMessage() == null ? reason : e.getMessage();
        int code = e.getCode();
        if (e.isRetryable() || code == 429 || code >= 500 || RETRIABLE_REASONS.contains(reason) || code == 0) {
            return new SinkFailure("BigQuery could not " + doing + " right now (" + msg + ")",
                    "WalBridge retries with back-off; this clears once BigQuery is reachable again or the quota refills",
                    true, e);
        }
        if (code == 401) {
            return new SinkFailure("BigQuery refused the credentials while trying to " + doing + ": " + msg,
                    "check the service-account key file (or Application Default Credentials)", false, e);
        }
        if (code == 403 || "accessDenied".equals(reason)) {
            return new SinkFailure("BigQuery denied access while trying to " + doing + ": " + msg, ROLES, false, e);
        }
        return new SinkFailure("BigQuery refused to " + doing + ": " + msg,
                "see the message; the BigQuery table or dataset may have been changed by hand", false, e);
    }

    /** A Storage Write API failure that is not about one row. */
    static SinkFailure grpc(Throwable t, String doing) {
        Status status = t instanceof StatusRuntimeException s ? s.getStatus() : Status.fromThrowable(t);
        String msg = status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
        switch (status.getCode()) {
            case UNAVAILABLE, RESOURCE_EXHAUSTED, INTERNAL, ABORTED, DEADLINE_EXCEEDED, CANCELLED, UNKNOWN:
                return new SinkFailure("the BigQuery Storage Write API could not " + doing + " right now (" + msg + ")",
                        "WalBridge retries with back-off; this clears once BigQuery is reachable again or the quota refills",
                        true, t);
            case UNAUTHENTICATED:
                return new SinkFailure("BigQuery refused the credentials while trying to " + doing + " (" + msg + ")",
                        "check the service-account key file (or Application Default Credentials)", false, t);
            case PERMISSION_DENIED:
                return new SinkFailure("BigQuery denied access while trying to " + doing + " (" + msg + ")", ROLES, false, t);
            default:
                if (status.getDescription() != null && status.getDescription().contains("more fields than")) {
                    // a column just added: the write path learns the new schema within minutes
                    return new SinkFailure("BigQuery does not know a newly added column yet while trying to " + doing,
                            "WalBridge retries with back-off until BigQuery has taken the new schema", true, t);
                }
                return new SinkFailure("BigQuery refused to " + doing + " (" + msg + ")",
                        "check that the BigQuery table still has the columns and key WalBridge created", false, t);
        }
    }
}
