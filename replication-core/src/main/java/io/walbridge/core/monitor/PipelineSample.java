package io.walbridge.core.monitor;

import java.time.Instant;

/**
 * One second of a running pipeline's figures (or, downsampled, the highest of several seconds).
 *
 * @param changesRead    row changes decoded from the source per second
 * @param changesApplied row changes the destination durably committed per second
 * @param bytesRead      pgoutput bytes read from the source per second
 * @param bytesApplied   row data the destination durably committed per second
 * @param secondsBehind  now minus the source commit time of the last applied change, 0 when caught up; -1 unknown
 * @param p50Millis      median source-commit → destination-commit latency of the transactions of that second; -1 none
 * @param p99Millis      99th percentile of the same; -1 none
 */
public record PipelineSample(Instant time, long changesRead, long changesApplied, long bytesRead, long bytesApplied,
                             long secondsBehind, long p50Millis, long p99Millis) {
}
