using Tongxin.Cli;

// One executable, several verbs: serve (default), migrate, seed, user, import, export, backup, purge-audit.
return await Verbs.RunAsync(args);

public partial class Program;
