package io.walbridge.core.monitor;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes and durations as people write them: {@code 1.5 GB}, {@code 10GB}, {@code 5min}, {@code 2h 5m}. */
public final class HumanUnits {

    // PostgreSQL's units: 1 kB = 1024 bytes, as in pg_size_pretty and postgresql.conf
    private static final String[] SIZE_UNITS = {"kB", "MB", "GB", "TB", "PB"};
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");

    private HumanUnits() {
    }

    /** {@code 0 bytes}, {@code 900 bytes}, {@code 1.5 kB}, {@code 12 GB} (one decimal below 10). */
    public static String bytes(long bytes) {
        if (Math.abs(bytes) < 1024) {
            return bytes + (Math.abs(bytes) == 1 ? " byte" : " bytes");
        }
        double value = bytes;
        int unit = -1;
        while (Math.abs(value) >= 1024 && unit < SIZE_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = Math.abs(value) < 10 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.0f", value);
        return number + " " + SIZE_UNITS[unit];
    }

    /** Parses {@code 10GB}, {@code 512 MB}, {@code 1.5kB}, {@code 100} (bytes); units are powers of 1024. */
    public static long parseBytes(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: '" + text + "' (write it like 10GB, 512MB or 4096)");
        }
        long factor = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "b", "byte", "bytes" -> 1L;
            case "k", "kb", "kib" -> 1L << 10;
            case "m", "mb", "mib" -> 1L << 20;
            case "g", "gb", "gib" -> 1L << 30;
            case "t", "tb", "tib" -> 1L << 40;
            default -> throw new IllegalArgumentException("unknown size unit '" + m.group(2) + "' in '" + text
                    + "' (use bytes, kB, MB, GB or TB)");
        };
        return Math.round(Double.parseDouble(m.group(1)) * factor);
    }

    /** {@code 45 s}, {@code 12 min}, {@code 3 h 5 min}, {@code 2 d 4 h}: the two largest units. */
    public static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            long min = s % 3600 / 60;
            return s / 3600 + " h" + (min == 0 ? "" : " " + min + " min");
        }
        long h = s % 86_400 / 3600;
        return s / 86_400 + " d" + (h == 0 ? "" : " " + h + " h");
    }

    /** Parses {@code 30s}, {@code 5min}, {@code 5m}, {@code 2h}, {@code 1d}, {@code 90} (seconds) or ISO {@code PT5M}. */
    public static Duration parseDuration(String text) {
        String t = text == null ? "" : text.trim();
        if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return requireNotNegative(Duration.parse(t), text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a duration: '" + text + "' (write it like 30s, 5min, 2h or PT5M)");
            }
        }
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (write it like 30s, 5min, 2h or 1d)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "ms" -> Duration.ofMillis(n);
            case "", "s", "sec", "secs", "second", "seconds" -> Duration.ofSeconds(n);
            case "m", "min", "mins", "minute", "minutes" -> Duration.ofMinutes(n);
            case "h", "hour", "hours" -> Duration.ofHours(n);
            case "d", "day", "days" -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("unknown duration unit '" + m.group(2) + "' in '" + text
                    + "' (use s, min, h or d)");
        };
    }

    private static Duration requireNotNegative(Duration d, String text) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a duration cannot be negative: '" + text + "'");
        }
        return d;
    }
}
