using System.CommandLine;
using ClaimFraud.Cli;
using ClaimFraud.Cli.Commands;

// claimfraud: the jobs of contract §5 for pipelines that run without a notebook or a server.
var root = new RootCommand("ClaimFraud: synthetic JKN claims, fraud model training and scoring, and the serving app.")
{
    GenerateCommand.Create(),
    TrainCommand.Create(),
    ScoreCommand.Create(),
    EvaluateCommand.Create(),
    LoadCommand.Create(),
    BenchCommand.Create(),
};
return await CliRunner.RunAsync(root, args);
