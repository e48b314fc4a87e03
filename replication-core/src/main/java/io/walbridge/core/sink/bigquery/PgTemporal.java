package io.walbridge.core.sink.bigquery;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * PostgreSQL's date/time text output (DateStyle ISO, as pgjdbc sets it) read into java.time, with BigQuery's
 * range checked: years 1 to 9999. {@code ±infinity} becomes BigQuery's greatest or least value — the only
 * values that sort like them — and the caller reports it.
 */
final class PgTemporal {

    static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
    static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
    static final LocalDateTime MIN_DATETIME = MIN_DATE.atStartOfDay();
    static final LocalDateTime MAX_DATETIME = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000);

    private PgTemporal() {
    }

    static boolean isInfinity(String text) {
        return text.equals("infinity") || text.equals("-infinity");
    }

    static LocalDate date(String text) throws UnrepresentableValue {
        if (isInfinity(text)) {
            return text.startsWith("-") ? MIN_DATE : MAX_DATE;
        }
        return checked(parseDate(text, text));
    }

    static LocalTime time(String text) throws UnrepresentableValue {
        if (text.startsWith("24:")) {
            throw new UnrepresentableValue("24:00:00 is past BigQuery's last TIME (23:59:59.999999)");
        }
        return LocalTime.parse(text);
    }

    static LocalDateTime dateTime(String text) throws UnrepresentableValue {
        if (isInfinity(text)) {
            return text.startsWith("-") ? MIN_DATETIME : MAX_DATETIME;
        }
        String body = text.endsWith(" BC") ? text.substring(0, text.length() - 3) : text;
        int space = body.indexOf(' ');
        LocalDate date = parseDate(body.substring(0, space) + (body.length() < text.length() ? " BC" : ""), text);
        checked(date);
        return date.atTime(LocalTime.parse(body.substring(space + 1)));
    }

    /** A timestamptz: {@code 2024-01-02 03:04:05.123456+01} (offsets may have minutes and seconds). */
    static long timestampMicros(String text) throws UnrepresentableValue {
        if (isInfinity(text)) {
            return (text.startsWith("-") ? MIN_DATETIME : MAX_DATETIME).toEpochSecond(ZoneOffset.UTC) * 1_000_000
                    + (text.startsWith("-") ? 0 : 999_999);
        }
        boolean bc = text.endsWith(" BC");
        String body = bc ? text.substring(0, text.length() - 3) : text;
        int space = body.indexOf(' ');
        int sign = Math.max(body.lastIndexOf('+'), body.lastIndexOf('-'));
        if (sign < space) {
            throw new UnrepresentableValue("a timestamp without a time zone offset");
        }
        LocalDate date = parseDate(body.substring(0, space) + (bc ? " BC" : ""), text);
        LocalTime time = LocalTime.parse(body.substring(space + 1, sign));
        ZoneOffset offset = ZoneOffset.of(offset(body.substring(sign)));
        LocalDateTime utc = date.atTime(time).atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        checked(utc.toLocalDate());
        return ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), utc);
    }

    /** {@code +01} → {@code +01:00}; {@code +05:30} and {@code +00:09:21} stay. */
    private static String offset(String text) {
        return text.length() == 3 ? text + ":00" : text;
    }

    private static LocalDate parseDate(String text, String whole) throws UnrepresentableValue {
        boolean bc = text.endsWith(" BC");
        String body = bc ? text.substring(0, text.length() - 3) : text;
        int dash = body.indexOf('-');
        long year = Long.parseLong(body.substring(0, dash));
        if (bc || year > 9999) {
            throw new UnrepresentableValue("'" + whole + "' is outside BigQuery's years 1 to 9999");
        }
        return LocalDate.of((int) year, Integer.parseInt(body.substring(dash + 1, dash + 3)),
                Integer.parseInt(body.substring(dash + 4, dash + 6)));
    }

    private static LocalDate checked(LocalDate date) throws UnrepresentableValue {
        if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
            throw new UnrepresentableValue("'" + date + "' is outside BigQuery's years 1 to 9999");
        }
        return date;
    }
}
