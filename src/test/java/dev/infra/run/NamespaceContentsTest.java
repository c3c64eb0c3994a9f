package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.infra.kube.ClusterObjects;
import dev.infra.kube.ObjectRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamespaceContentsTest {
    static ClusterObjects.Found entry(String kind, String name) {
        return new ClusterObjects.Found(new ObjectRef("v1", kind, "ns", name), false, false);
    }

    @Test
    void whatKubernetesMakesAndWhatFollowsOtherObjectsDoesNotKeepIt() {
        assertEquals(List.of(), NamespaceContents.blockers(List.of(entry("ServiceAccount", "default"),
                entry("ConfigMap", "kube-root-ca.crt"), entry("Event", "x.1"), entry("Endpoints", "web"), entry("EndpointSlice", "web-1"),
                entry("Lease", "operator-lock"))));
    }

    @Test
    void anythingElseKeepsIt() {
        assertEquals(List.of("Deployment mine", "ServiceAccount builder", "ConfigMap settings", "Secret default"),
                NamespaceContents.blockers(List.of(entry("Deployment", "mine"), entry("ServiceAccount", "builder"),
                        entry("ConfigMap", "settings"), entry("Secret", "default"))));
    }

    @Test
    void ownedObjectsAndObjectsBeingDeletedDoNotKeepIt() {
        var pod = new ObjectRef("v1", "Pod", "ns", "web-1");
        assertEquals(List.of(), NamespaceContents.blockers(List.of(new ClusterObjects.Found(pod, true, false),
                new ClusterObjects.Found(pod, false, true))));
        assertEquals(List.of("Pod web-1"), NamespaceContents.blockers(List.of(new ClusterObjects.Found(pod, false, false))));
    }

    @Test
    void theSummaryNamesThreeAndCountsTheRest() {
        assertEquals("A a", NamespaceContents.summary(List.of("A a")));
        assertEquals("A a, B b, C c", NamespaceContents.summary(List.of("A a", "B b", "C c")));
        assertEquals("A a, B b, C c and 2 more", NamespaceContents.summary(List.of("A a", "B b", "C c", "D d", "E e")));
    }
}
