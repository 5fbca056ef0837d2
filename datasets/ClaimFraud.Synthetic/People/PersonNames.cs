using Bogus.DataSets;
using ClaimFraud.Domain.Claims;

namespace ClaimFraud.Synthetic.People;

/// <summary>
/// Indonesian names from Bogus' id_ID locale, drawn with a seeded <see cref="Bogus.Randomizer"/>. One instance per
/// stream of names (patients, altered names), used in a fixed order, so the names are reproducible.
/// </summary>
internal sealed class PersonNames(int seed)
{
    private readonly Name _names = new("id_ID") { Random = new Bogus.Randomizer(seed) };

    public string FirstName(Sex sex) => _names.FirstName(ToBogus(sex));

    public string LastName(Sex sex) => _names.LastName(ToBogus(sex));

    /// <summary>A full name: many Indonesians have one or two given names and no family name, others a family or father-derived name.</summary>
    public string FullName(Sex sex, double u)
    {
        // u splits the forms: single name, given + family/second name, three-part name.
        if (u < 0.12) return FirstName(sex);
        if (u < 0.82) return FirstName(sex) + " " + LastName(sex);
        return FirstName(sex) + " " + FirstName(sex) + " " + LastName(sex);
    }

    /// <summary>A man's given name, for the father in a "bin/binti" patronymic.</summary>
    public string FatherName() => _names.FirstName(Name.Gender.Male);

    public static string Patronymic(Sex sex, string father) => (sex == Sex.M ? "bin " : "binti ") + father;

    private static Name.Gender ToBogus(Sex sex) => sex == Sex.M ? Name.Gender.Male : Name.Gender.Female;
}
