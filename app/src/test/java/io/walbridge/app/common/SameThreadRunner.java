package io.walbridge.app.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs view-model work at once on the calling thread, so view-model tests need no screen and no waiting. */
public final class SameThreadRunner implements TaskRunner {

    @Override
    public <T> Running run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T value;
        try {
            value = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return Running.DONE;
        }
        onSuccess.accept(value);
        return Running.DONE;
    }

    @Override
    public void onUi(Runnable action) {
        action.run();
    }
}
