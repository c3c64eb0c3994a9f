package dev.infra.diff;

import dev.infra.kube.ObjectRef;

/**
 * One object that {@code up} would change, with a unified diff of it (secret values hidden).
 *
 * @param diff {@code ---}/{@code +++} headers naming the object, then hunks of its YAML
 */
public record ObjectChange(ObjectRef object, Change change, String diff) {

    public enum Change {
        /** not there yet: {@code up} creates it */
        CREATED,
        /** there, and different */
        CHANGED,
        /** there, and no longer rendered: helm removes it */
        DELETED
    }
}
