package io.walbridge.core.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The user's WalBridge settings folder, by each system's convention: {@code $XDG_CONFIG_HOME/walbridge} or
 * {@code ~/.config/walbridge} on Linux, {@code %APPDATA%\WalBridge} on Windows and
 * {@code ~/Library/Application Support/WalBridge} on macOS.
 */
public final class ConfigFolder {

    private ConfigFolder() {
    }

    public static Path current() {
        return resolve(System.getProperty("os.name", ""), System.getProperty("user.home"), System.getenv());
    }

    /** The folder for a given system, home folder and environment; tests pass their own. */
    public static Path resolve(String osName, String home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("windows")) {
            String appData = env.get("APPDATA");
            return appData == null || appData.isBlank() ? Path.of(home, "AppData", "Roaming", "WalBridge")
                    : Path.of(appData, "WalBridge");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "WalBridge");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        // the XDG spec says a relative value is invalid and must be ignored
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "walbridge");
        }
        return Path.of(home, ".config", "walbridge");
    }
}
