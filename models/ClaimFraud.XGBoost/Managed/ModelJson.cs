using System.Globalization;
using System.Text.Json;

namespace ClaimFraud.XGBoost.Managed;

/// <summary>One regression tree as XGBoost's JSON stores it: parallel arrays indexed by node id.</summary>
internal sealed record JsonTree(
    int[] LeftChildren,
    int[] RightChildren,
    int[] SplitIndices,
    float[] SplitConditions,
    bool[] DefaultLeft,
    float[] SumHessian);

/// <summary>The parts of an XGBoost JSON model the evaluator needs, already checked for consistency.</summary>
internal sealed record JsonModel(
    Objective Objective,
    float BaseScore,
    int NumFeatures,
    IReadOnlyList<string> FeatureNames,
    JsonTree[] Trees);

/// <summary>
/// Reads XGBoost's JSON model format (doc/model.schema in the XGBoost repository; written by
/// XGBoosterSaveModelToBuffer with {"format":"json"}). Layout used:
/// learner.learner_model_param.{base_score, num_feature, num_class, num_target} (all strings),
/// learner.objective.name, learner.feature_names, and learner.gradient_booster = {name: "gbtree",
/// model: {gbtree_model_param, tree_info, trees}} where each tree holds left_children, right_children
/// (-1 for a leaf), split_indices, split_conditions (the leaf value for leaves), default_left,
/// split_type (0 numeric, 1 categorical) and sum_hessian (the node cover used by TreeSHAP).
/// </summary>
internal static class ModelJson
{
    public static JsonModel Read(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            throw new FormatException("The XGBoost model JSON is empty.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new FormatException($"The XGBoost model is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static JsonModel Read(JsonElement root)
    {
        JsonElement learner = Property(root, "learner", JsonValueKind.Object, "");
        JsonElement booster = Property(learner, "gradient_booster", JsonValueKind.Object, "learner");
        string boosterName = Property(booster, "name", JsonValueKind.String, "learner.gradient_booster").GetString()!;
        if (boosterName != "gbtree")
        {
            throw new NotSupportedException(boosterName switch
            {
                "gblinear" => "The model uses the gblinear booster; the managed evaluator handles tree ensembles (gbtree) only.",
                "dart" => "The model uses the dart booster, whose trees carry dropout weights; the managed evaluator handles gbtree only.",
                _ => $"The model uses booster '{boosterName}'; the managed evaluator handles gbtree only.",
            });
        }

        JsonElement parameters = Property(learner, "learner_model_param", JsonValueKind.Object, "learner");
        const string paramPath = "learner.learner_model_param";
        int numFeatures = IntString(parameters, "num_feature", paramPath);
        if (numFeatures <= 0)
        {
            throw new FormatException($"{paramPath}.num_feature is {numFeatures}; a model needs at least one feature.");
        }

        int numClass = OptionalIntString(parameters, "num_class", paramPath) ?? 0;
        int numTarget = OptionalIntString(parameters, "num_target", paramPath) ?? 1;
        if (numClass > 1 || numTarget > 1)
        {
            throw new NotSupportedException(
                $"The model has num_class {numClass} and num_target {numTarget}; the managed evaluator handles single-output models only.");
        }

        float baseScore = FloatString(parameters, "base_score", paramPath);
        JsonElement objectiveElement = Property(learner, "objective", JsonValueKind.Object, "learner");
        Objective objective = Objective.Find(
            Property(objectiveElement, "name", JsonValueKind.String, "learner.objective").GetString()!);

        JsonElement model = Property(booster, "model", JsonValueKind.Object, "learner.gradient_booster");
        const string modelPath = "learner.gradient_booster.model";
        JsonElement trees = Property(model, "trees", JsonValueKind.Array, modelPath);
        int treeCount = trees.GetArrayLength();
        CheckModelParameters(model, treeCount, modelPath);

        var result = new JsonTree[treeCount];
        int index = 0;
        foreach (JsonElement tree in trees.EnumerateArray())
        {
            result[index] = ReadTree(tree, numFeatures, $"{modelPath}.trees[{index}]");
            index++;
        }

        return new JsonModel(objective, baseScore, numFeatures, ReadFeatureNames(learner, numFeatures), result);
    }

    private static void CheckModelParameters(JsonElement model, int treeCount, string path)
    {
        JsonElement treeInfo = Property(model, "tree_info", JsonValueKind.Array, path);
        if (treeInfo.GetArrayLength() != treeCount)
        {
            throw new FormatException(
                $"{path}.tree_info has {treeInfo.GetArrayLength()} entries for {treeCount} trees.");
        }

        int position = 0;
        foreach (JsonElement group in treeInfo.EnumerateArray())
        {
            if (group.ValueKind != JsonValueKind.Number || !group.TryGetInt32(out int value) || value != 0)
            {
                throw new NotSupportedException(
                    $"{path}.tree_info[{position}] is {group.GetRawText()}: trees of several output groups (multi-class) are not supported.");
            }

            position++;
        }

        if (model.TryGetProperty("gbtree_model_param", out JsonElement gbtreeParameters))
        {
            string parametersPath = $"{path}.gbtree_model_param";
            int? declared = OptionalIntString(gbtreeParameters, "num_trees", parametersPath);
            if (declared is { } count && count != treeCount)
            {
                throw new FormatException($"{parametersPath}.num_trees is {count} but {path}.trees holds {treeCount} trees.");
            }

            if (OptionalIntString(gbtreeParameters, "size_leaf_vector", parametersPath) is > 0)
            {
                throw new NotSupportedException("The model has vector leaves (size_leaf_vector > 0); only scalar leaves are supported.");
            }
        }
    }

    private static JsonTree ReadTree(JsonElement tree, int numFeatures, string path)
    {
        if (tree.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{path} is {tree.ValueKind}, expected an object.");
        }

        int[] left = IntArray(tree, "left_children", path);
        int nodes = left.Length;
        if (nodes == 0)
        {
            throw new FormatException($"{path}.left_children is empty; a tree has at least its root.");
        }

        int[] right = IntArray(tree, "right_children", path, nodes);
        int[] splitIndices = IntArray(tree, "split_indices", path, nodes);
        float[] conditions = FloatArray(tree, "split_conditions", path, nodes);
        bool[] defaultLeft = BoolArray(tree, "default_left", path, nodes);
        float[] hessian = FloatArray(tree, "sum_hessian", path, nodes);

        if (tree.TryGetProperty("tree_param", out JsonElement treeParameters)
            && OptionalIntString(treeParameters, "num_nodes", $"{path}.tree_param") is { } declared && declared != nodes)
        {
            throw new FormatException($"{path}.tree_param.num_nodes is {declared} but the node arrays have {nodes} entries.");
        }

        if (tree.TryGetProperty("split_type", out JsonElement splitTypes) && splitTypes.ValueKind == JsonValueKind.Array)
        {
            int node = 0;
            foreach (JsonElement type in splitTypes.EnumerateArray())
            {
                if (type.ValueKind != JsonValueKind.Number || !type.TryGetInt32(out int value) || value != 0)
                {
                    throw new NotSupportedException(
                        $"{path}.split_type[{node}] is {type.GetRawText()}: categorical splits are not supported by the managed evaluator.");
                }

                node++;
            }
        }

        for (int node = 0; node < nodes; node++)
        {
            string at = $"{path} node {node}";
            if (left[node] == -1 || right[node] == -1)
            {
                if (left[node] != right[node])
                {
                    throw new FormatException($"{at} has left child {left[node]} and right child {right[node]}; a leaf has both -1.");
                }

                if (!float.IsFinite(conditions[node]))
                {
                    throw new FormatException($"{at} is a leaf with value {conditions[node]}; leaf values must be finite.");
                }

                continue;
            }

            foreach (int child in (ReadOnlySpan<int>)[left[node], right[node]])
            {
                if (child <= 0 || child >= nodes || child == node)
                {
                    throw new FormatException($"{at} has child {child}, outside 1..{nodes - 1} or itself.");
                }
            }

            if (splitIndices[node] < 0 || splitIndices[node] >= numFeatures)
            {
                throw new FormatException(
                    $"{at} splits on feature {splitIndices[node]} but the model has num_feature {numFeatures}.");
            }

            if (float.IsNaN(conditions[node]))
            {
                throw new FormatException($"{at} has split condition NaN.");
            }

            if (!(hessian[node] > 0f) || !float.IsFinite(hessian[node]))
            {
                throw new NotSupportedException(
                    $"{at} is a split with sum_hessian {hessian[node]}; TreeSHAP's cover fractions need a positive finite cover.");
            }
        }

        foreach (float cover in hessian)
        {
            if (!(cover >= 0f) || !float.IsFinite(cover))
            {
                throw new FormatException($"{path}.sum_hessian holds {cover}; covers must be finite and non-negative.");
            }
        }

        return new JsonTree(left, right, splitIndices, conditions, defaultLeft, hessian);
    }

    private static IReadOnlyList<string> ReadFeatureNames(JsonElement learner, int numFeatures)
    {
        if (!learner.TryGetProperty("feature_names", out JsonElement names) || names.ValueKind != JsonValueKind.Array
            || names.GetArrayLength() == 0)
        {
            return [];
        }

        if (names.GetArrayLength() != numFeatures)
        {
            throw new FormatException(
                $"learner.feature_names has {names.GetArrayLength()} names but num_feature is {numFeatures}.");
        }

        return names.EnumerateArray()
            .Select((name, i) => name.ValueKind == JsonValueKind.String
                ? name.GetString()!
                : throw new FormatException($"learner.feature_names[{i}] is {name.ValueKind}, expected a string."))
            .ToArray();
    }

    private static JsonElement Property(JsonElement parent, string name, JsonValueKind kind, string parentPath)
    {
        string path = parentPath.Length == 0 ? name : $"{parentPath}.{name}";
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out JsonElement value))
        {
            throw new FormatException($"The XGBoost model has no '{path}'; is this a model saved as JSON by XGBoost?");
        }

        return value.ValueKind == kind
            ? value
            : throw new FormatException($"'{path}' is {value.ValueKind}, expected {kind}.");
    }

    // learner_model_param and the *_param objects store numbers as strings ("6", "5E-1").
    private static int IntString(JsonElement parent, string name, string parentPath) =>
        OptionalIntString(parent, name, parentPath)
        ?? throw new FormatException($"The XGBoost model has no '{parentPath}.{name}'.");

    private static int? OptionalIntString(JsonElement parent, string name, string parentPath)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out JsonElement value))
        {
            return null;
        }

        string? text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int number)
            ? number
            : throw new FormatException($"'{parentPath}.{name}' is {value.GetRawText()}, expected an integer.");
    }

    private static float FloatString(JsonElement parent, string name, string parentPath)
    {
        JsonElement value = parent.TryGetProperty(name, out JsonElement found)
            ? found
            : throw new FormatException($"The XGBoost model has no '{parentPath}.{name}'.");
        // XGBoost 2.x writes the intercept as a one-element vector "[5E-1]".
        string text = (value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()).Trim('[', ']', ' ');
        return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float number) && float.IsFinite(number)
            ? number
            : throw new FormatException($"'{parentPath}.{name}' is {value.GetRawText()}, expected a finite number.");
    }

    private static JsonElement Array(JsonElement tree, string name, string path, int expectedLength)
    {
        JsonElement array = Property(tree, name, JsonValueKind.Array, path);
        int length = array.GetArrayLength();
        return expectedLength < 0 || length == expectedLength
            ? array
            : throw new FormatException($"{path}.{name} has {length} entries but left_children has {expectedLength}.");
    }

    private static int[] IntArray(JsonElement tree, string name, string path, int expectedLength = -1)
    {
        JsonElement array = Array(tree, name, path, expectedLength);
        var values = new int[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            values[i] = item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out int value)
                ? value
                : throw new FormatException($"{path}.{name}[{i}] is {item.GetRawText()}, expected an integer.");
            i++;
        }

        return values;
    }

    private static float[] FloatArray(JsonElement tree, string name, string path, int expectedLength)
    {
        JsonElement array = Array(tree, name, path, expectedLength);
        var values = new float[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            values[i] = item.ValueKind == JsonValueKind.Number && item.TryGetSingle(out float value)
                ? value
                : throw new FormatException($"{path}.{name}[{i}] is {item.GetRawText()}, expected a number.");
            i++;
        }

        return values;
    }

    // XGBoost 1.7 writes 0/1; other writers use true/false.
    private static bool[] BoolArray(JsonElement tree, string name, string path, int expectedLength)
    {
        JsonElement array = Array(tree, name, path, expectedLength);
        var values = new bool[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            values[i] = item.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number when item.TryGetInt32(out int flag) && flag is 0 or 1 => flag == 1,
                _ => throw new FormatException($"{path}.{name}[{i}] is {item.GetRawText()}, expected 0, 1, true or false."),
            };
            i++;
        }

        return values;
    }
}
