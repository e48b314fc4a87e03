package io.walbridge.core.sink.bigquery;

/**
 * A PostgreSQL interval in its default output style ({@code 1 year 2 mons -3 days +04:05:06.789}) as an ISO
 * 8601 duration ({@code P1Y2M-3DT4H5M6.789S}), which BigQuery reads with {@code CAST(x AS INTERVAL)}. Each
 * part keeps its own sign, as PostgreSQL keeps months, days and time apart.
 */
final class IsoInterval {

    private IsoInterval() {
    }

    static String of(String text) throws UnrepresentableValue {
        if (text.startsWith("P") || text.startsWith("-P")) {
            return text; // the server already prints intervals as ISO 8601 (IntervalStyle iso_8601)
        }
        long years = 0;
        long months = 0;
        long days = 0;
        String time = null;
        String[] tokens = text.trim().split(" +");
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (t.contains(":")) {
                time = t;
                continue;
            }
            if (i + 1 >= tokens.length) {
                throw new UnrepresentableValue("an interval in an unknown style: '" + text + "'");
            }
            long n;
            try {
                n = Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new UnrepresentableValue("an interval in an unknown style: '" + text + "'");
            }
            String unit = tokens[++i];
            if (unit.startsWith("year")) {
                years = n;
            } else if (unit.startsWith("mon")) {
                months = n;
            } else if (unit.startsWith("day")) {
                days = n;
            } else {
                throw new UnrepresentableValue("an interval in an unknown style: '" + text + "'");
            }
        }
        StringBuilder sb = new StringBuilder("P");
        if (years != 0) {
            sb.append(years).append('Y');
        }
        if (months != 0) {
            sb.append(months).append('M');
        }
        if (days != 0) {
            sb.append(days).append('D');
        }
        if (time != null) {
            appendTime(sb, time);
        }
        return sb.length() == 1 ? "PT0S" : sb.toString();
    }

    private static void appendTime(StringBuilder sb, String time) {
        boolean negative = time.startsWith("-");
        String t = time.startsWith("-") || time.startsWith("+") ? time.substring(1) : time;
        String[] hms = t.split(":");
        String sign = negative ? "-" : "";
        long h = Long.parseLong(hms[0]);
        long m = Long.parseLong(hms[1]);
        String s = hms[2];
        boolean zeroSeconds = s.replace("0", "").replace(".", "").isEmpty();
        if (h == 0 && m == 0 && zeroSeconds) {
            return;
        }
        sb.append('T');
        if (h != 0) {
            sb.append(sign).append(h).append('H');
        }
        if (m != 0) {
            sb.append(sign).append(m).append('M');
        }
        if (!zeroSeconds) {
            String trimmed = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
            sb.append(sign).append(trimmed.replaceFirst("^0(\\d)", "$1")).append('S');
        }
    }
}
