package io.walbridge.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * CPU seconds spent per party during a run, to explain a result (which side was the bottleneck): each
 * server's exited backends and workers (the postmaster's reaped-children time in /proc), and this JVM
 * plus the programs it ran (pg_recvlogical). Linux only; elsewhere it reports nothing.
 */
final class CpuMeter {

    private final List<BenchServer> servers;
    private final List<Long> postmasters = new ArrayList<>();

    CpuMeter(List<BenchServer> servers) {
        this.servers = servers;
        for (BenchServer s : servers) {
            postmasters.add(postmasterPid(s));
        }
    }

    /** CPU use so far: one value per server, then the client (this JVM and its children). */
    long[] sample() {
        long[] out = new long[servers.size() + 1];
        for (int i = 0; i < servers.size(); i++) {
            out[i] = reapedChildrenTicks(postmasters.get(i));
        }
        out[servers.size()] = selfTicks();
        return out;
    }

    /** "source 3.1 s, destination 2.0 s, client 1.2 s" between two samples; empty when /proc is unreadable. */
    String between(long[] before, long[] after) {
        if (before[before.length - 1] < 0) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            if (after[i] - before[i] > 0) {
                parts.add(servers.get(i).role() + " " + seconds(after[i] - before[i]));
            }
        }
        parts.add("client " + seconds(after[servers.size()] - before[servers.size()]));
        return parts.stream().collect(Collectors.joining(", ", "CPU: ", ""));
    }

    private static String seconds(long ticks) {
        return String.format(Locale.ROOT, "%.1f s", ticks / 100.0);
    }

    private static long postmasterPid(BenchServer s) {
        // read while the connection is open: a backend's /proc entry goes when it ends
        try (Connection c = s.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return Long.parseLong(stat(rs.getLong(1))[3]);
        } catch (SQLException | RuntimeException e) {
            return -1;
        }
    }

    /** cutime + cstime: CPU of children that exited (backends end with their connection). */
    private static long reapedChildrenTicks(long pid) {
        try {
            String[] f = stat(pid);
            return Long.parseLong(f[15]) + Long.parseLong(f[16]);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** This JVM's CPU (in 1/100 s) plus its exited children's. */
    private static long selfTicks() {
        try {
            String[] f = stat(ProcessHandle.current().pid());
            long children = Long.parseLong(f[15]) + Long.parseLong(f[16]);
            long self = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 10_000_000L;
            return self + children;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The fields of /proc/PID/stat, index i holding field i + 1 of proc(5) (the command name is left empty). */
    private static String[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] rest = s.substring(s.lastIndexOf(')') + 2).split(" ");
            String[] out = new String[rest.length + 2];
            out[0] = Long.toString(pid);
            out[1] = "";
            System.arraycopy(rest, 0, out, 2, rest.length);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
