package io.walbridge.app.monitor;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.monitor.AlertThresholds;
import io.walbridge.core.monitor.HumanUnits;
import io.walbridge.core.monitor.SourceKey;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * A source server's alert thresholds, kept between runs in {@code alert-limits-<host>-<port>.properties} of the
 * monitor folder. Values are written as people write them ({@code 10GB}, {@code 5min}); a missing or unreadable
 * file means the defaults.
 */
final class AlertLimitsFile {

    private final Path file;

    AlertLimitsFile(Path stateDir, SourceKey source) {
        this.file = stateDir.resolve("alert-limits-" + source.fileName() + ".properties");
    }

    boolean exists() {
        return Files.isRegularFile(file);
    }

    AlertThresholds load() {
        if (!Files.isRegularFile(file)) {
            return AlertThresholds.DEFAULTS;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
            AlertThresholds d = AlertThresholds.DEFAULTS;
            return new AlertThresholds(
                    HumanUnits.parseBytes(p.getProperty("max-retained", HumanUnits.bytes(d.maxRetainedBytes()).replace(" ", ""))),
                    Double.parseDouble(p.getProperty("max-share-of-keep-size", String.valueOf(d.maxShareOfKeepSize()))),
                    HumanUnits.parseDuration(p.getProperty("max-lag", d.maxLag().getSeconds() + "s")),
                    HumanUnits.parseDuration(p.getProperty("max-inactive", d.maxInactive().getSeconds() + "s")));
        } catch (IOException | RuntimeException e) {
            return AlertThresholds.DEFAULTS; // only a preference: the defaults are safe
        }
    }

    void save(AlertThresholds t) {
        Properties p = new Properties();
        p.setProperty("max-retained", t.maxRetainedBytes() + "");
        p.setProperty("max-share-of-keep-size", String.valueOf(t.maxShareOfKeepSize()));
        p.setProperty("max-lag", t.maxLag().getSeconds() + "s");
        p.setProperty("max-inactive", t.maxInactive().getSeconds() + "s");
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "alert-limits", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp)) {
                p.store(w, "WalBridge alert thresholds for one source server");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserFacingException("could not save the alert thresholds to " + file + ": " + e.getMessage(),
                    "check that the folder is writable; the thresholds apply until the app closes", e);
        }
    }
}
