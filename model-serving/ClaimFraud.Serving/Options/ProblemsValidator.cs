using Microsoft.Extensions.Options;

namespace ClaimFraud.Serving.Options;

/// <summary>Fails start-up with every problem an options object reports, each naming its configuration key.</summary>
internal sealed class ProblemsValidator<T> : IValidateOptions<T> where T : class, ICheckedOptions
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
