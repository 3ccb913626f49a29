using Rosenpass.Cli;

return RosenpassCli.Run(args);
