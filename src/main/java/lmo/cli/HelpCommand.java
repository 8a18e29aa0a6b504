package lmo.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lmo.family.Families;
import lmo.family.Key;
import lmo.family.ModelFamily;
import lmo.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code lmo help [COMMAND]}: a command's usage (picocli's help command); {@code lmo help model} lists the model
 * types of the registry ({@link Families}) and {@code lmo help model TYPE} a family's keys, each with its type,
 * default, range and one-line doc, as docs/scenarios.md states them; with {@code --jar}, the user families of the jars
 * too.
 */
@Command(name = "help", helpCommand = true, description = "Show a command's usage; 'help model [TYPE]' lists the"
        + " model types, or the keys of one.")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Callable<Integer> {

    @Parameters(paramLabel = "COMMAND", arity = "0..2", description = "a command, or 'model' and a model type")
    List<String> words = new ArrayList<>();

    @Mixin
    JarOptions jars = new JarOptions();

    private CommandLine self;
    private CommandLine.Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter outWriter,
            PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
    }

    @Override
    public Integer call() {
        CommandLine parent = self.getParent();
        if (words.isEmpty()) {
            parent.usage(out, colors);
        } else if (words.get(0).equals("model")) {
            String problem = jars.apply();
            if (problem != null) {
                System.err.println(problem);
                return Main.BAD_INPUT;
            }
            try {
                if (words.size() == 1) types(lmo.model.game.UserPayoffs.jars());
                else keys(words.get(1), lmo.model.game.UserPayoffs.jars());
            } catch (ScenarioException e) {
                System.err.println(e.getMessage());
                return Main.BAD_INPUT;
            }
        } else {
            CommandLine sub = parent.getSubcommands().get(words.get(0));
            if (sub == null) throw new CommandLine.ParameterException(self, "Unknown subcommand '" + words.get(0) + "'.");
            if (words.size() > 1) throw new CommandLine.ParameterException(self, "Unmatched argument '" + words.get(1) + "'.");
            sub.usage(out, colors);
        }
        out.flush();
        return Main.OK;
    }

    /** The model types, one a line, in documented order. */
    private void types(List<Path> jarList) throws ScenarioException {
        out.println("Model types (model.type); 'lmo help model TYPE' lists the keys of one:");
        for (String type : Families.types(jarList)) out.println("  " + type);
    }

    /** Each key of the family: {@code model.PATH (type; default D or required; range R)}, then its doc, indented. */
    private void keys(String type, List<Path> jarList) throws ScenarioException {
        ModelFamily<?> family = Families.lookup(type, jarList);
        if (family == null) {
            throw new CommandLine.ParameterException(self, "unknown model type '" + type + "'; types: "
                    + String.join(", ", Families.types(jarList)));
        }
        boolean builtIn = Families.all().contains(family);
        out.println("Keys of model.type: " + type + (builtIn ? " (docs/scenarios.md):"
                : " (a user family: " + family.getClass().getName() + "):"));
        for (Key k : family.keys()) {
            StringBuilder line = new StringBuilder("  model.").append(k.path()).append(" (").append(k.type());
            if (k.defaultValue().equals("required")) line.append("; required");
            else if (!k.defaultValue().isEmpty()) line.append("; default ").append(k.defaultValue());
            if (!k.range().isEmpty()) line.append("; range ").append(k.range());
            out.println(line.append(")"));
            out.println("      " + k.doc());
        }
    }
}
