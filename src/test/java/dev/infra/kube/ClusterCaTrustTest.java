package dev.infra.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCaTrustTest {
    private static Config withCa() {
        return new ConfigBuilder(Config.empty()).withMasterUrl("https://127.0.0.1:6443").withCaCertData("Y2E=").build();
    }

    @Test
    void aKubeconfigThatNamesItsCaIsTrustedThroughThatCaAlone(@TempDir Path dir) throws Exception {
        var config = withCa();
        Path store = dir.resolve("cache/infra/empty-truststore.jks");
        ClusterCaTrust.apply(config, store);

        assertEquals(store.toString(), config.getTrustStoreFile());
        var loaded = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            loaded.load(in, config.getTrustStorePassphrase().toCharArray());
        }
        assertEquals(0, loaded.size(), "no public roots beside the cluster's CA");
    }

    @Test
    void withoutACaTheJdksRootsStay(@TempDir Path dir) {
        var config = new ConfigBuilder(Config.empty()).withMasterUrl("https://example.test").build();
        ClusterCaTrust.apply(config, dir.resolve("empty-truststore.jks"));
        assertNull(config.getTrustStoreFile());
    }

    @Test
    void aTrustStoreTheUserChoseStays(@TempDir Path dir) {
        var config = withCa();
        config.setTrustStoreFile("/etc/company/truststore.p12");
        ClusterCaTrust.apply(config, dir.resolve("empty-truststore.jks"));
        assertEquals("/etc/company/truststore.p12", config.getTrustStoreFile());
    }

    @Test
    void aCacheThatCannotBeWrittenLeavesFabric8sDefault(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("file"), "not a directory");
        var config = withCa();
        ClusterCaTrust.apply(config, dir.resolve("file/infra/empty-truststore.jks"));
        assertNull(config.getTrustStoreFile());
    }
}
