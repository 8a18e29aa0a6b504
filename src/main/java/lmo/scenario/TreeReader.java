package lmo.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lmo.scenario.Node.MapNode;
import lmo.scenario.Node.Origin;
import lmo.scenario.Node.Scalar;
import lmo.scenario.Node.SeqNode;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML or JSON text into a {@link Node} tree with the line and column of every key and value, using Jackson's
 * streaming parser (no data binding). Syntax errors, duplicate keys, aliases and several documents in one file are
 * errors.
 */
final class TreeReader {
    /**
     * The largest scenario file read, in bytes (1 MiB). Scenario files are small; data belongs in {@code .npy} and
     * {@code .csv} input files. A larger file is refused before it is parsed.
     */
    static final int MAX_FILE_BYTES = 1 << 20;
    /** The longest {@code --set} value read, in characters (64 Ki): a value is a number, a name or a short list. */
    static final int MAX_OVERRIDE_CHARS = 1 << 16;
    /** The deepest nesting of mappings and lists read (a scenario nests about 6 deep). */
    static final int MAX_DEPTH = 64;

    private static final YAMLFactory YAML = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL) // "key:" is null, as with new YAMLFactory()
            .streamReadConstraints(constraints())
            .build();
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(constraints()).build();

    /** snakeyaml's bounds: code points (a file's bytes bound them too), nesting, no alias expansion. */
    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(MAX_FILE_BYTES);
        o.setNestingDepthLimit(MAX_DEPTH);
        o.setMaxAliasesForCollections(0);
        o.setAllowRecursiveKeys(false);
        return o;
    }

    /** Jackson's bounds on what it reads: text and number lengths, nesting depth. */
    private static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxStringLength(MAX_FILE_BYTES)
                .maxNumberLength(MapReader.MAX_NUMBER_LENGTH)
                .maxNestingDepth(MAX_DEPTH)
                .maxNameLength(MAX_FILE_BYTES)
                .build();
    }

    private final JsonParser parser;
    private final String file;
    private final boolean override;
    private final String basePath;

    private TreeReader(JsonParser parser, String file, boolean override, String basePath) {
        this.parser = parser;
        this.file = file;
        this.override = override;
        this.basePath = basePath;
    }

    /**
     * The top-level mapping of a scenario file; a {@code .json} file is read as JSON, anything else as YAML. A file
     * over {@link #MAX_FILE_BYTES} is refused unparsed.
     */
    static MapNode readFile(Path path) throws ScenarioException {
        String file = path.toString();
        boolean json = file.toLowerCase(Locale.ROOT).endsWith(".json");
        Node root = read(json ? JSON : YAML, text(path), file, false, "");
        if (root instanceof MapNode m) return m;
        throw root.origin().error("", "expected a mapping of scenario keys, got " + Node.describe(root));
    }

    /**
     * The text of a scenario file, UTF-8, at most {@link #MAX_FILE_BYTES} bytes: the size is checked before
     * reading, and at most one byte more than the limit is read (a pipe or a device has no size).
     */
    static String text(Path path) throws ScenarioException {
        String file = path.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) throw new ScenarioException(file + ": cannot read: a directory, not a file");
            if (Files.isRegularFile(path) && Files.size(path) > MAX_FILE_BYTES) throw tooLarge(file, Files.size(path));
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": cannot read: file not found");
        } catch (AccessDeniedException e) {
            throw new ScenarioException(file + ": cannot read: permission denied");
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage());
        }
        if (bytes.length > MAX_FILE_BYTES) throw tooLarge(file, -1);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ScenarioException(file + ": cannot read: not UTF-8 text");
        }
    }

    private static ScenarioException tooLarge(String file, long size) {
        return new ScenarioException(file + ": too large: " + (size >= 0 ? size + " bytes" : "more than " + MAX_FILE_BYTES
                + " bytes") + "; a scenario file has at most " + MAX_FILE_BYTES + " bytes (1 MiB): put data in .npy or"
                + " .csv input files");
    }

    /**
     * The value of an override {@code path=text}, read as YAML; its nodes are marked as coming from the override. A
     * value over {@link #MAX_OVERRIDE_CHARS} characters is refused unparsed.
     */
    static Node readOverride(String path, String text) throws ScenarioException {
        if (text.length() > MAX_OVERRIDE_CHARS) {
            throw Origin.ofOverride().error(path, "the value has " + text.length() + " characters, more than the "
                    + MAX_OVERRIDE_CHARS + " a --set value may have: put data in an input file");
        }
        if (text.isBlank()) return new Scalar(Origin.ofOverride(), text.strip());
        return read(YAML, text, "--set", true, path);
    }

    private static Node read(JsonFactory factory, String text, String file, boolean override, String path)
            throws ScenarioException {
        JsonParser p = null;
        try {
            p = factory.createParser(text);
            TreeReader r = new TreeReader(p, file, override, path);
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new Origin(file, 1, 1, override).error(path, "expected a mapping of scenario keys, got nothing");
            }
            Node root = r.value(first, path);
            if (p.nextToken() != null) {
                throw r.origin(p.currentTokenLocation()).error(path, "syntax error: expected a single document");
            }
            return root;
        } catch (StreamReadException e) {
            throw syntaxError(e, e.getLocation(), file, override, path);
        } catch (StreamConstraintsException e) {
            // a JSON number is read with its key: name the key (where the parser is), the depth where it is
            boolean number = String.valueOf(e.getOriginalMessage()).contains("Number value length");
            JsonLocation at = p == null ? null : number ? p.currentTokenLocation() : p.currentLocation();
            String where = number && p != null ? dotted(p.getParsingContext().pathAsPointer().toString(), path) : path;
            throw new Origin(file, at == null ? 1 : Math.max(1, at.getLineNr()), at == null ? 1 : Math.max(1, at.getColumnNr()),
                    override).error(where, "syntax error: " + bound(e));
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage());
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException e) {
                    // nothing was written; a failed close of an in-memory parser loses nothing
                }
            }
        }
    }

    private Node value(JsonToken t, String path) throws IOException, ScenarioException {
        Origin at = origin(parser.currentTokenLocation());
        if (parser instanceof YAMLParser y && y.isCurrentAlias()) {
            throw at.error(path, "YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
        }
        switch (t) {
            case START_OBJECT: {
                MapNode m = new MapNode(at);
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Origin keyAt = origin(parser.currentTokenLocation());
                    String keyPath = Node.join(path, key);
                    if (m.entries().containsKey(key)) throw keyAt.error(keyPath, "duplicate key");
                    m.entries().put(key, new MapNode.Entry(keyAt, value(parser.nextToken(), keyPath)));
                }
                return m;
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                for (JsonToken i = parser.nextToken(); i != JsonToken.END_ARRAY; i = parser.nextToken()) {
                    items.add(value(i, path + "[" + items.size() + "]"));
                }
                return new SeqNode(at, items);
            }
            case VALUE_NULL:
                return new Scalar(at, null);
            default:
                return new Scalar(at, parser.getText());
        }
    }

    private Origin origin(JsonLocation l) {
        return override ? Origin.ofOverride() : new Origin(file, l.getLineNr(), l.getColumnNr(), false);
    }

    /** A JSON pointer ({@code /populations/p/init/mean/0}) as a key path under {@code base} ({@code ...mean[0]}). */
    static String dotted(String pointer, String base) {
        String out = base;
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) continue;
            String key = part.replace("~1", "/").replace("~0", "~");
            out = key.chars().allMatch(Character::isDigit) && !out.isEmpty() ? out + "[" + key + "]" : Node.join(out, key);
        }
        return out;
    }

    /** What a bound of the reader that was passed says, without the reader's internals. */
    private static String bound(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("nesting depth")) return "nested more than " + MAX_DEPTH + " levels deep";
        if (m.contains("Number value length")) {
            return "a number longer than " + MapReader.MAX_NUMBER_LENGTH + " characters";
        }
        if (m.contains("String value length") || m.contains("Name length")) {
            return "a text longer than " + MAX_FILE_BYTES + " characters";
        }
        return m.lines().findFirst().orElse("malformed input").replaceAll(" \\(from `.*", "");
    }

    /**
     * {@code FILE:LINE:COL: syntax error: problem}, with snakeyaml's problem mark when there is one; {@code at} is
     * where the parser was (Jackson's bounds, e.g. the nesting depth, give no location of their own).
     */
    private static ScenarioException syntaxError(JsonProcessingException e, JsonLocation at, String file,
            boolean override, String path) {
        int line = at == null ? 1 : Math.max(1, at.getLineNr());
        int col = at == null ? 1 : Math.max(1, at.getColumnNr());
        String message = e.getOriginalMessage();
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException y && y.getProblemMark() != null) {
            line = y.getProblemMark().getLine() + 1;
            col = y.getProblemMark().getColumn() + 1;
            message = y.getProblem() + (y.getContext() == null ? "" : " (" + y.getContext() + ")");
        } else if (e.getCause() instanceof org.yaml.snakeyaml.error.YAMLException y) {
            message = y.getMessage();
        }
        message = message == null ? "malformed input" : message.strip().lines().findFirst().orElse("").strip();
        return new Origin(file, line, col, override).error(path, "syntax error: " + message);
    }
}
