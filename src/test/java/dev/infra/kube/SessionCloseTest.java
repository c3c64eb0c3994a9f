package dev.infra.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.infra.testing.UnreachableCluster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionCloseTest {
    static Set<Thread> httpSelectors() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().matches("HttpClient-\\d+-SelectorManager"))
                .collect(Collectors.toSet());
    }

    /** The JVM's exit waits 300 ms for a thread left in native code: a third of a one-shot command. */
    @Test
    void closingASessionEndsTheHttpClientsSelectorThread(@TempDir Path dir) throws IOException, InterruptedException {
        var kubeconfig = UnreachableCluster.kubeconfig(dir);
        Set<Thread> before = httpSelectors();
        List<Thread> own;
        try (var session = Kube.open(new KubeTarget(kubeconfig, null))) {
            own = httpSelectors().stream().filter(t -> !before.contains(t)).toList();
            assertEquals(1, own.size(), "one selector thread per session: " + own);
        }
        awaitEnded(before);
    }

    /** Fails unless every HTTP selector thread started since {@code before} ends within two seconds. */
    static void awaitEnded(Set<Thread> before) throws InterruptedException {
        for (Thread thread : httpSelectors()) {
            if (before.contains(thread)) continue;
            thread.join(2_000);
            assertFalse(thread.isAlive(), "a selector thread outlived its session: " + thread.getName());
        }
    }
}
