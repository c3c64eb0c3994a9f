package dev.infra.capacity;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/** CPU (in millicores) and memory (in bytes): what a pod requests or a node offers. */
public record Resources(long cpuMillis, long memoryBytes) {
    public static final Resources NONE = new Resources(0, 0);
    private static final long GI = 1L << 30;
    private static final long MI = 1L << 20;

    /**
     * A container's requests from its {@code resources}: where a request is missing and a limit
     * is set, the API server makes the limit the request (as it does for every container).
     */
    static Resources requestsOf(Object resources) {
        if (!(resources instanceof Map<?, ?> map)) return NONE;
        Map<?, ?> requests = map.get("requests") instanceof Map<?, ?> r ? r : Map.of();
        Map<?, ?> limits = map.get("limits") instanceof Map<?, ?> l ? l : Map.of();
        return new Resources(cpu(requests.containsKey("cpu") ? requests.get("cpu") : limits.get("cpu")),
                bytes(requests.containsKey("memory") ? requests.get("memory") : limits.get("memory")));
    }

    static long cpu(Object quantity) {
        if (quantity == null) return 0;
        return amount(quantity).multiply(BigDecimal.valueOf(1000)).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    static long bytes(Object quantity) {
        if (quantity == null) return 0;
        return amount(quantity).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    private static BigDecimal amount(Object quantity) {
        return Quantity.getAmountInBytes(new Quantity(String.valueOf(quantity)));
    }

    public Resources plus(Resources other) {
        return new Resources(cpuMillis + other.cpuMillis, memoryBytes + other.memoryBytes);
    }

    public Resources minus(Resources other) {
        return new Resources(cpuMillis - other.cpuMillis, memoryBytes - other.memoryBytes);
    }

    public Resources times(long n) {
        return new Resources(cpuMillis * n, memoryBytes * n);
    }

    /** The larger of each: a pod's init containers run before its containers, not beside them. */
    Resources max(Resources other) {
        return new Resources(Math.max(cpuMillis, other.cpuMillis), Math.max(memoryBytes, other.memoryBytes));
    }

    public boolean fitsIn(Resources room) {
        return cpuMillis <= room.cpuMillis && memoryBytes <= room.memoryBytes;
    }

    /** As people read it: {@code 2.5 CPU, 6.1Gi memory}; a part that is 0 is left out. */
    @Override
    public String toString() {
        if (cpuMillis == 0 && memoryBytes == 0) return "nothing";
        String cpu = cpuMillis == 0 ? "" : cpu(cpuMillis) + " CPU";
        String memory = memoryBytes == 0 ? "" : memory(memoryBytes) + " memory";
        return cpu.isEmpty() || memory.isEmpty() ? cpu + memory : cpu + ", " + memory;
    }

    static String cpu(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.2f", millis / 1000.0).replaceAll("0$", "");
    }

    static String memory(long bytes) {
        if (bytes >= GI) return String.format(Locale.ROOT, "%.1fGi", bytes / (double) GI).replace(".0Gi", "Gi");
        // rounded up: less than 1Mi must not read as 0
        return (bytes + MI - 1) / MI + "Mi";
    }
}
