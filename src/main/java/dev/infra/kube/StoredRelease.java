package dev.infra.kube;

import io.fabric8.kubernetes.api.model.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * One revision of a helm release as helm 3 and 4 store it: Secret {@code sh.helm.release.v1.NAME.vN}
 * whose key {@code release} holds base64 of the gzipped JSON of the release (helm's
 * pkg/storage/driver/util.go), base64 once more as a Secret's data. Reading it saves running
 * {@code helm get manifest}, a process per release.
 */
final class StoredRelease {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StoredRelease() {
    }

    /**
     * The release's {@code manifest}, what {@code helm get manifest} prints (it adds a line end).
     * The error never quotes the data: a release's JSON holds its values, secrets among them.
     */
    static String manifest(Secret secret, String release, String namespace) {
        try (InputStream json = json(secret); JsonParser parser = JSON.createParser(json)) {
            return manifest(parser);
        } catch (IllegalArgumentException | IOException | JacksonException e) {
            throw new IllegalStateException("cannot read helm's record of release " + release + " in namespace " + namespace
                    + ": Secret " + secret.getMetadata().getName() + " does not hold a helm release (base64 of gzipped JSON)");
        }
    }

    private static InputStream json(Secret secret) throws IOException {
        String stored = secret.getData() == null ? null : secret.getData().get("release");
        if (stored == null) throw new IllegalArgumentException("no release key");
        byte[] data = Base64.getDecoder().decode(Base64.getDecoder().decode(stored));
        // as helm's decodeRelease: releases stored before helm compressed them are plain JSON
        boolean gzipped = data.length > 3 && data[0] == 0x1f && data[1] == (byte) 0x8b && data[2] == 0x08;
        var bytes = new ByteArrayInputStream(data);
        return gzipped ? new GZIPInputStream(bytes) : bytes;
    }

    /** Streams past the rest (the chart's files, the values): only the manifest is needed. */
    private static String manifest(JsonParser parser) {
        if (parser.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("not a JSON object");
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken value = parser.nextToken();
            if (name.equals("manifest")) {
                if (value != JsonToken.VALUE_STRING) throw new IllegalArgumentException("manifest is not a string");
                return parser.getString();
            }
            parser.skipChildren();
        }
        // helm leaves out an empty manifest (omitempty)
        return "";
    }
}
