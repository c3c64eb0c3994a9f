package dev.infra.output;

import dev.infra.errors.ConfigException;
import java.io.PrintWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Prints a command's result: as a table for people, or as JSON / YAML of the same data for
 * scripts. Commands hand over a data object with a stable shape and the table they show.
 */
public final class Printer {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final PrintWriter out;
    private final Format format;
    private final Colors colors;

    public Printer(PrintWriter out, Format format, Colors colors) {
        this.out = out;
        this.format = format;
        this.colors = colors;
    }

    public Colors colors() {
        return colors;
    }

    /** Prints {@code data} as JSON or YAML, or {@code table} (and {@code footer}) for people. */
    public void print(Object data, Table table, String footer) {
        switch (format) {
            case json -> out.println(JSON.writeValueAsString(data));
            case yaml -> out.print(YAML.writeValueAsString(data));
            case table -> {
                out.print(table.render(colors));
                if (footer != null && !footer.isEmpty()) out.println(footer);
            }
            case env, raw -> throw new ConfigException("-o " + format + " is only for 'infra secret get'; use table, json or yaml");
        }
        out.flush();
    }
}
