namespace ClaimFraud.Synthetic.Claims;

/// <summary>Edits to a drawn stay that keep the rest of the claim consistent with it.</summary>
internal static class StayEdits
{
    /// <summary>Moves the discharge (and the resume's), pulling items that would fall outside the new stay back inside it.</summary>
    public static void MoveDischarge(ClaimDraft d, DateTimeOffset discharge, int los)
    {
        bool shorter = discharge < d.DischargeAt;
        d.DischargeAt = discharge;
        d.ResumeDischargeAt = discharge;
        d.Los = los;
        if (d.SepIssuedAt > discharge) d.SepIssuedAt = d.AdmissionAt.AddMinutes(Math.Floor(Math.Max(0, (discharge - d.AdmissionAt).TotalMinutes / 4)));
        if (!shorter) return;
        var span = (discharge - d.AdmissionAt).TotalMinutes;
        for (int i = 0; i < d.Procedures.Count; i++)
            if (d.Procedures[i].At > discharge) d.Procedures[i] = d.Procedures[i] with { At = d.AdmissionAt.AddMinutes(Math.Floor(span * (0.3 + 0.6 * i / Math.Max(1.0, d.Procedures.Count)))) };
        for (int i = 0; i < d.LabTests.Count; i++)
            if (d.LabTests[i].At > discharge) d.LabTests[i] = d.LabTests[i] with { At = d.AdmissionAt.AddMinutes(Math.Floor(span * (0.2 + 0.7 * i / Math.Max(1.0, d.LabTests.Count)))) };
        d.Procedures.Sort(static (a, b) => Nullable.Compare(a.At, b.At));
        d.LabTests.Sort(static (a, b) => Nullable.Compare(a.At, b.At));
    }

    /// <summary>Scales quantities of drugs given for the whole stay (those without a fixed course in the catalog).</summary>
    public static void ScaleStayDrugs(ClaimDraft d, double factor)
    {
        var list = d.Diagnosis.InpatientDrugs;
        for (int i = 0; i < d.Medications.Count; i++)
        {
            var m = d.Medications[i];
            foreach (var dd in list)
            {
                if (dd.Drug.Name != m.Name || dd.Drug.Form != m.Form || dd.Days is not null) continue;
                d.Medications[i] = m with { Quantity = Math.Max(1, Math.Round(m.Quantity * factor)) };
                break;
            }
        }
    }
}
