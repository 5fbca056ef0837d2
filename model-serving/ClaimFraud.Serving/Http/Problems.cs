using ClaimFraud.Domain.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClaimFraud.Serving.Http;

/// <summary>The RFC 9457 answers the endpoints share, with titles and details a caller can act on.</summary>
internal static class Problems
{
    public static ValidationProblem Invalid(ValidationErrors errors, string title = "The claim is not valid") =>
        TypedResults.ValidationProblem(errors.ToDictionary(), detail: $"{errors.Count} field(s) are wrong; see errors.", title: title);

    public static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large",
        detail: $"This endpoint accepts at most {limit} bytes.");

    public static ProblemHttpResult UnsupportedMediaType(string expected) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported content type",
        detail: $"Send Content-Type: {expected} (UTF-8).");

    public static ProblemHttpResult Unreadable(int status) => TypedResults.Problem(
        statusCode: status,
        title: "The request body could not be read",
        detail: "The connection ended or the body's framing was invalid before the whole body arrived.");

    public static ProblemHttpResult NoModel() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "No model loaded",
        detail: "No model version could be loaded yet; see GET /ready and the server log.");

    public static ProblemHttpResult Unavailable(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: title, detail: detail);

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    /// <summary>One wrong field as a <see cref="ValidationErrors"/>, e.g. a bad claim_id in the path.</summary>
    public static ValidationErrors Field(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return errors;
    }
}
