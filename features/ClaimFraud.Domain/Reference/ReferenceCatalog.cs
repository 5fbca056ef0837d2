namespace ClaimFraud.Domain.Reference;

/// <summary>
/// The reference catalogs of one directory (datasets/reference), each part loaded on first use and then
/// shared (thread-safe): the serving path touches <see cref="Areas"/> for NIK checks without paying for
/// the 83k <see cref="Villages"/>. A missing or malformed file surfaces on first use of its part as
/// <see cref="FileNotFoundException"/> or <see cref="CsvFormatException"/> naming file, line and column.
/// </summary>
public sealed class ReferenceCatalog
{
    /// <summary>Environment variable that overrides where <see cref="Default"/> looks.</summary>
    public const string DirectoryVariable = "CLAIMFRAUD_REFERENCE_DIR";

    private static readonly Lazy<ReferenceCatalog> DefaultInstance = new(() => Load(FindDefaultDirectory()));

    private readonly Lazy<AreaCatalog> _areas;
    private readonly Lazy<VillageCatalog> _villages;
    private readonly Lazy<Icd10Catalog> _icd10;
    private readonly Lazy<Icd9CmCatalog> _icd9Cm;
    private readonly Lazy<HospitalCatalog> _hospitals;
    private readonly Lazy<TariffRegionCatalog> _tariffRegions;
    private readonly Lazy<ClinicalCatalog> _clinical;
    private readonly Lazy<InaCbgCatalog> _inaCbg;

    private ReferenceCatalog(string directory)
    {
        Directory = directory;
        _areas = new(() => AreaCatalog.Load(directory));
        _villages = new(() => VillageCatalog.Load(directory));
        _icd10 = new(() => Icd10Catalog.Load(directory));
        _icd9Cm = new(() => Icd9CmCatalog.Load(directory));
        _hospitals = new(() => HospitalCatalog.Load(directory));
        _tariffRegions = new(() => TariffRegionCatalog.Load(directory));
        _clinical = new(() => ClinicalCatalog.Load(directory));
        _inaCbg = new(() => InaCbgCatalog.Load(directory));
    }

    /// <summary>Catalogs from <paramref name="directory"/>; nothing is read until a part is used.</summary>
    public static ReferenceCatalog Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full)) throw new DirectoryNotFoundException($"Reference catalog directory not found: {full}");
        return new ReferenceCatalog(full);
    }

    /// <summary>The catalogs at <see cref="FindDefaultDirectory"/>, shared process-wide.</summary>
    public static ReferenceCatalog Default => DefaultInstance.Value;

    /// <summary>
    /// $CLAIMFRAUD_REFERENCE_DIR when set; else <c>reference/</c> next to the application (the Domain project
    /// copies the catalogs there); else the first <c>datasets/reference</c> found walking up from the current directory.
    /// </summary>
    public static string FindDefaultDirectory()
    {
        string? configured = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            string full = Path.GetFullPath(configured);
            return System.IO.Directory.Exists(full)
                ? full
                : throw new DirectoryNotFoundException($"{DirectoryVariable} is set to {full}, which does not exist.");
        }
        var tried = new List<string>();
        string besideApp = Path.Combine(AppContext.BaseDirectory, "reference");
        if (HasCatalogs(besideApp)) return besideApp;
        tried.Add(besideApp);
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "datasets", "reference");
            if (HasCatalogs(candidate)) return candidate;
            tried.Add(candidate);
        }
        throw new DirectoryNotFoundException(
            $"No reference catalogs found (looked for {ReferenceFiles.Diagnoses} in: {string.Join("; ", tried)}). Set {DirectoryVariable}.");
    }

    private static bool HasCatalogs(string directory) => File.Exists(Path.Combine(directory, ReferenceFiles.Diagnoses));

    public string Directory { get; }

    /// <summary>Provinces, regencies, districts (small; what NIK validation needs).</summary>
    public AreaCatalog Areas => _areas.Value;

    /// <summary>Villages with postal codes (large; the generator's addresses).</summary>
    public VillageCatalog Villages => _villages.Value;

    public Icd10Catalog Icd10 => _icd10.Value;
    public Icd9CmCatalog Icd9Cm => _icd9Cm.Value;
    public HospitalCatalog Hospitals => _hospitals.Value;
    public TariffRegionCatalog TariffRegions => _tariffRegions.Value;

    /// <summary>Diagnosis profiles, drugs, vitamins, labs and inappropriate pairs.</summary>
    public ClinicalCatalog Clinical => _clinical.Value;

    public InaCbgCatalog InaCbg => _inaCbg.Value;

    /// <summary>Shorthand for <see cref="InaCbgCatalog.Tariff(string?, char, int, int)"/>.</summary>
    public long? Tariff(string? cbgCode, char hospitalClass, int region, int careClass) =>
        InaCbg.Tariff(cbgCode, hospitalClass, region, careClass);

    /// <summary>
    /// Loads every part and checks the references between catalogs (diagnosis and procedure codes exist,
    /// CBG groups and tariffs are complete, every province has a tariff region, …). Returns the problems
    /// found, empty when consistent.
    /// </summary>
    public IReadOnlyList<string> Validate() => ReferenceValidation.Check(this);
}
