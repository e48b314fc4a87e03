package io.walbridge.app.demo;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the demo keeps its two database servers: a {@code demo} folder in the user's data folder
 * ({@code $XDG_DATA_HOME/walbridge} or {@code ~/.local/share/walbridge} on Linux, {@code %LOCALAPPDATA%\WalBridge}
 * on Windows, {@code ~/Library/Application Support/WalBridge} on macOS). Data, not settings: databases do not
 * belong in the settings folder, and on Windows they must not roam with the user's profile.
 */
public record DemoFolder(Path root) {

    public static DemoFolder current() {
        return new DemoFolder(resolve(System.getProperty("os.name", ""), System.getProperty("user.home"),
                System.getenv()));
    }

    /** The demo folder for a given system, home folder and environment; tests pass their own. */
    public static Path resolve(String osName, String home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("windows")) {
            String local = env.get("LOCALAPPDATA");
            return (local == null || local.isBlank() ? Path.of(home, "AppData", "Local", "WalBridge")
                    : Path.of(local, "WalBridge")).resolve("demo");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "WalBridge", "demo");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // the XDG spec says a relative value is invalid and must be ignored
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "walbridge", "demo");
        }
        return Path.of(home, ".local", "share", "walbridge", "demo");
    }

    /** The data folder of one of the two servers. */
    public Path dataOf(DemoRole role) {
        return root.resolve(role.folderName());
    }

    /** The server's own log (initdb, start, stop, its messages). */
    public Path logOf(DemoRole role) {
        return root.resolve(role.folderName() + ".log");
    }

    /** Where the PostgreSQL binaries shipped in the jar are unpacked, once per version. */
    public Path binaries() {
        return root.resolve("binaries");
    }

    /** The ports the servers used last time, reused when free so saved demo pipelines keep working. */
    public Path portsFile() {
        return root.resolve("ports.properties");
    }
}
