package io.walbridge.app.wizard;

import io.walbridge.app.common.PipelineEngine;
import io.walbridge.app.common.SameThreadRunner;
import io.walbridge.app.common.Services;
import io.walbridge.app.common.TaskRunner;
import io.walbridge.core.config.FileSecretStore;
import io.walbridge.core.config.PipelineStore;
import io.walbridge.core.setup.ConnectionFactory;

import java.nio.file.Path;

/** Services for tests: real connections, settings in a temporary folder, and a chosen task runner. */
final class TestServices {

    private TestServices() {
    }

    static Services sameThread(Path configFolder) {
        return with(new SameThreadRunner(), configFolder, (p, s, d) -> {
            throw new IllegalStateException("this test starts no engine");
        });
    }

    static Services with(TaskRunner runner, Path configFolder, PipelineEngine engine) {
        return new Services(runner, ConnectionFactory.PGJDBC, new PipelineStore(configFolder),
                new FileSecretStore(configFolder.resolve("secrets.properties")), engine);
    }
}
