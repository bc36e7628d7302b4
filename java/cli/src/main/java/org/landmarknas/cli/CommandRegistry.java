package org.landmarknas.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commands {@code lmnas} knows, by name, in the order {@code --help} lists them. Registered
 * explicitly (no classpath scanning): a new command is one line in {@link #standard()}.
 */
public final class CommandRegistry {

  private final Map<String, Command> commands = new LinkedHashMap<>();

  /** An empty registry; add commands with {@link #register(Command)}. */
  public CommandRegistry() {}

  /** The commands of the {@code lmnas} tool. */
  public static CommandRegistry standard() {
    return new CommandRegistry()
        .register(new SearchCommand())
        .register(new SpaceCommand())
        .register(new ReportCommand())
        .register(new ExperimentCommand())
        .register(new EvaluateCommand())
        .register(new StandaloneCommand())
        .register(new GroundTruthCommand())
        .register(new SetupCommand());
  }

  /**
   * Adds a command.
   *
   * @return this registry
   * @throws IllegalArgumentException when a command of that name is already registered
   */
  public CommandRegistry register(Command command) {
    if (commands.putIfAbsent(command.name(), command) != null) {
      throw new IllegalArgumentException("command \"" + command.name() + "\" registered twice");
    }
    return this;
  }

  /** The command with this name, if registered. */
  public Optional<Command> find(String name) {
    return Optional.ofNullable(commands.get(name));
  }

  /** All commands in registration order. */
  public List<Command> all() {
    return Collections.unmodifiableList(new ArrayList<>(commands.values()));
  }

  /** The command names, comma separated, for messages. */
  public String names() {
    return String.join(", ", commands.keySet());
  }
}
