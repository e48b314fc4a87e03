package io.walbridge.core.handoff.debezium;

import java.util.List;
import java.util.Optional;

/**
 * A connector's state as Kafka Connect reports it ({@code GET /connectors/{name}/status}), with the first lines
 * of every failure's trace.
 *
 * @param state  the connector's state: UNASSIGNED, RUNNING, PAUSED, STOPPED, FAILED or RESTARTING
 * @param trace  the first lines of the connector's failure trace; null unless it failed
 */
public record ConnectorStatus(String name, String state, String workerId, String trace, List<TaskStatus> tasks) {

    public ConnectorStatus {
        tasks = List.copyOf(tasks);
    }

    /** One task of the connector. */
    public record TaskStatus(int id, String state, String workerId, String trace) {
    }

    /** Running means the connector and every task run; a connector with no task yet is still starting. */
    public boolean running() {
        return "RUNNING".equals(state) && !tasks.isEmpty() && tasks.stream().allMatch(t -> "RUNNING".equals(t.state()));
    }

    public boolean failed() {
        return "FAILED".equals(state) || tasks.stream().anyMatch(t -> "FAILED".equals(t.state()));
    }

    /** The first failure's trace, the connector's own first. */
    public Optional<String> firstError() {
        if (trace != null) {
            return Optional.of(trace);
        }
        return tasks.stream().filter(t -> t.trace() != null).map(t -> "task " + t.id() + ": " + t.trace()).findFirst();
    }

    /** One line per part, as the wizard and the CLI show it. */
    public String describe() {
        StringBuilder sb = new StringBuilder("connector ").append(name).append(": ").append(state);
        if (workerId != null) {
            sb.append(" on ").append(workerId);
        }
        if (tasks.isEmpty()) {
            sb.append("\n  no task yet (the worker is starting it)");
        }
        for (TaskStatus t : tasks) {
            sb.append("\n  task ").append(t.id()).append(": ").append(t.state());
            if (t.workerId() != null) {
                sb.append(" on ").append(t.workerId());
            }
            if (t.trace() != null) {
                sb.append("\n    ").append(t.trace().replace("\n", "\n    "));
            }
        }
        if (trace != null) {
            sb.append("\n  connector error:\n    ").append(trace.replace("\n", "\n    "));
        }
        return sb.toString();
    }
}
