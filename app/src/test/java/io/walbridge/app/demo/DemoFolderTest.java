package io.walbridge.app.demo;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's data lives in each system's user data folder, not with the settings. */
class DemoFolderTest {

    @Test
    void linuxFollowsXdgDataHomeAndIgnoresARelativeOne() {
        assertThat(DemoFolder.resolve("Linux", "/home/ada", Map.of("XDG_DATA_HOME", "/data/ada")))
                .isEqualTo(Path.of("/data/ada/walbridge/demo"));
        assertThat(DemoFolder.resolve("Linux", "/home/ada", Map.of("XDG_DATA_HOME", "relative")))
                .isEqualTo(Path.of("/home/ada/.local/share/walbridge/demo"));
        assertThat(DemoFolder.resolve("Linux", "/home/ada", Map.of()))
                .isEqualTo(Path.of("/home/ada/.local/share/walbridge/demo"));
    }

    @Test
    void windowsUsesTheLocalNotTheRoamingAppData() {
        assertThat(DemoFolder.resolve("Windows 11", "C:\\Users\\ada", Map.of("LOCALAPPDATA", "/local")))
                .isEqualTo(Path.of("/local", "WalBridge", "demo"));
        assertThat(DemoFolder.resolve("Windows 11", "/users/ada", Map.of()))
                .isEqualTo(Path.of("/users/ada", "AppData", "Local", "WalBridge", "demo"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(DemoFolder.resolve("Mac OS X", "/Users/ada", Map.of()))
                .isEqualTo(Path.of("/Users/ada/Library/Application Support/WalBridge/demo"));
    }

    @Test
    void eachServerHasItsDataFolderAndLog() {
        DemoFolder f = new DemoFolder(Path.of("/d"));
        assertThat(f.dataOf(DemoRole.SOURCE)).isEqualTo(Path.of("/d/source"));
        assertThat(f.dataOf(DemoRole.DESTINATION)).isEqualTo(Path.of("/d/destination"));
        assertThat(f.logOf(DemoRole.SOURCE)).isEqualTo(Path.of("/d/source.log"));
        assertThat(f.binaries()).isEqualTo(Path.of("/d/binaries"));
    }
}
