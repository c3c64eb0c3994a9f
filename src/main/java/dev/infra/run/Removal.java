package dev.infra.run;

import dev.infra.kube.ObjectRef;

/**
 * What {@code infra down} does with one object a component applied. Without {@code --delete-data}
 * it keeps what holds data (claims) and what may hold others' (namespaces).
 */
enum Removal {
    KEEP,
    DELETE,
    /** and first the claims its templates made, which outlive it */
    DELETE_WITH_CLAIMS,
    /** last, and only when nothing is left in it */
    DELETE_WHEN_EMPTY;

    static Removal of(ObjectRef ref, boolean deleteData) {
        return switch (ref.kind()) {
            case "Namespace" -> deleteData ? DELETE_WHEN_EMPTY : KEEP;
            case "PersistentVolumeClaim" -> deleteData ? DELETE : KEEP;
            case "StatefulSet" -> deleteData ? DELETE_WITH_CLAIMS : DELETE;
            default -> DELETE;
        };
    }
}
