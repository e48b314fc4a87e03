package io.walbridge.app.cli;

import io.walbridge.core.monitor.HumanUnits;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/** Picocli converters for sizes ({@code 10GB}) and durations ({@code 5min}); a bad value is a usage error. */
final class UnitConverters {

    private UnitConverters() {
    }

    /** {@code 10GB}, {@code 512MB}, {@code 4096}: PostgreSQL's units, powers of 1024. */
    static final class Size implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return HumanUnits.parseBytes(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code 30s}, {@code 5min}, {@code 2h}, {@code 1d} or ISO-8601 {@code PT5M}. */
    static final class Time implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return HumanUnits.parseDuration(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
