package io.walbridge.app.wizard;

import io.walbridge.app.common.Services;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;

import java.util.List;

/**
 * The wizard's frame: seven steps over one draft, Back always possible, Next once the step has what it needs; a
 * step that does not apply (the destination of a handed-off source) is passed over both ways.
 */
public final class WizardViewModel {

    private final PipelineDraft draft;
    private final SourceStepViewModel source;
    private final NetworkStepViewModel network;
    private final CaStepViewModel ca;
    private final ReplicationStepViewModel replication;
    private final EngineStepViewModel engine;
    private final DestinationStepViewModel destination;
    private final ReviewStepViewModel review;
    private final List<WizardStep> steps;
    public final IntegerProperty index = new SimpleIntegerProperty(0);
    private final StringBinding blocker;
    private final BooleanBinding canGoBack;
    private final BooleanBinding canGoNext;

    public WizardViewModel(PipelineDraft draft, Services services) {
        this.draft = draft;
        this.source = new SourceStepViewModel(draft, services);
        this.network = new NetworkStepViewModel(draft, services);
        this.ca = new CaStepViewModel(draft, services);
        this.replication = new ReplicationStepViewModel(draft, services);
        this.engine = new EngineStepViewModel(draft, services);
        this.destination = new DestinationStepViewModel(draft, services);
        this.review = new ReviewStepViewModel(draft, services);
        this.steps = List.of(source, network, ca, replication, engine, destination, review);
        this.blocker = Bindings.createStringBinding(() -> current().blocker().get(), index,
                source.blocker(), network.blocker(), ca.blocker(), replication.blocker(), engine.blocker(),
                destination.blocker(), review.blocker());
        this.canGoBack = index.greaterThan(0);
        this.canGoNext = Bindings.createBooleanBinding(() -> index.get() < steps.size() - 1 && blocker.get().isEmpty(),
                index, blocker);
    }

    public PipelineDraft draft() {
        return draft;
    }

    public List<WizardStep> steps() {
        return steps;
    }

    public WizardStep current() {
        return steps.get(index.get());
    }

    public StringBinding blocker() {
        return blocker;
    }

    public BooleanBinding canGoBack() {
        return canGoBack;
    }

    public BooleanBinding canGoNext() {
        return canGoNext;
    }

    public void next() {
        if (canGoNext.get()) {
            move(nextApplying(index.get(), 1));
        }
    }

    public void back() {
        if (canGoBack.get()) {
            move(nextApplying(index.get(), -1));
        }
    }

    /** The next step in that direction that applies; the first and last steps always do. */
    private int nextApplying(int from, int direction) {
        int to = from + direction;
        while (to > 0 && to < steps.size() - 1 && steps.get(to).skipped()) {
            to += direction;
        }
        return to;
    }

    private void move(int to) {
        current().left();
        index.set(to);
        current().entered();
    }

    public SourceStepViewModel source() {
        return source;
    }

    public NetworkStepViewModel network() {
        return network;
    }

    public CaStepViewModel ca() {
        return ca;
    }

    public ReplicationStepViewModel replication() {
        return replication;
    }

    public EngineStepViewModel engine() {
        return engine;
    }

    public DestinationStepViewModel destination() {
        return destination;
    }

    public ReviewStepViewModel review() {
        return review;
    }
}
