package dev.infra.diff;

import java.util.List;

/** What {@code up} would do to one component, and to which of its objects. */
public record ComponentDiff(String component, String namespace, State state, List<ObjectChange> objects) {

    public enum State {
        /** nothing of it is installed: {@code up} installs it all */
        INSTALL,
        UNCHANGED,
        CHANGED
    }

    public static ComponentDiff install(String component, String namespace) {
        return new ComponentDiff(component, namespace, State.INSTALL, List.of());
    }

    /** Changed when any object changes, else unchanged. */
    public static ComponentDiff of(String component, String namespace, List<ObjectChange> objects) {
        return new ComponentDiff(component, namespace, objects.isEmpty() ? State.UNCHANGED : State.CHANGED, objects);
    }

    public boolean pending() {
        return state != State.UNCHANGED;
    }
}
