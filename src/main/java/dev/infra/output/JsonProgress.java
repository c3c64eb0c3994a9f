package dev.infra.output;

import dev.infra.run.Progress;
import dev.infra.run.StepOutcome;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** One JSON object per line for each event of a run, for CI pipelines ({@code -o json}). */
public final class JsonProgress implements Progress {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final PrintWriter out;

    public JsonProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void started(String component, String action) {
        emit("started", Map.of("component", component, "action", action));
    }

    @Override
    public void note(String component, String message) {
        emit("note", Map.of("component", component, "message", message));
    }

    @Override
    public void finished(StepOutcome o) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("component", o.component());
        fields.put("result", o.result().name().toLowerCase());
        fields.put("seconds", o.took().toMillis() / 1000.0);
        fields.put("detail", o.detail());
        emit("finished", fields);
    }

    @Override
    public void summary(List<StepOutcome> outcomes, Duration took, boolean interrupted) {
        var fields = new LinkedHashMap<String, Object>();
        for (StepOutcome.Result r : StepOutcome.Result.values()) {
            fields.put(r.name().toLowerCase(), outcomes.stream().filter(o -> o.result() == r).count());
        }
        fields.put("seconds", took.toMillis() / 1000.0);
        fields.put("interrupted", interrupted);
        emit("summary", fields);
    }

    private synchronized void emit(String event, Map<String, ?> fields) {
        var line = new LinkedHashMap<String, Object>();
        line.put("event", event);
        line.put("time", Instant.now().toString());
        line.putAll(fields);
        out.println(JSON.writeValueAsString(line));
        out.flush();
    }
}
