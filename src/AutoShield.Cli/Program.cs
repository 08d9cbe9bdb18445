using AutoShield.Cli;

return CliApp.Run(args);
