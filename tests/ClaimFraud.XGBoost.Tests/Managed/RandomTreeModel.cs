using System.Text;
using System.Text.Json.Nodes;

namespace ClaimFraud.XGBoost.Tests.Managed;

/// <summary>
/// Seeded random tree ensembles written in XGBoost 1.7's JSON model layout, independent of XGBoost, with a
/// brute-force path-dependent SHAP reference (every feature subset, cover-weighted expectations) to check the
/// evaluator's kernels against the definition itself.
/// </summary>
internal sealed class RandomTreeModel
{
    private readonly List<Node[]> _trees = [];

    private RandomTreeModel(int features, float baseScore)
    {
        Features = features;
        BaseScore = baseScore;
    }

    public int Features { get; }

    public float BaseScore { get; }

    /// <summary>
    /// Trees of exactly the given depths (one path reaches it; other branches stop early at random), splitting
    /// on <paramref name="features"/> features so deep paths repeat features.
    /// </summary>
    public static RandomTreeModel Generate(int seed, int features, params int[] depths)
    {
        var random = new Random(seed);
        var model = new RandomTreeModel(features, baseScore: 0.3f);
        foreach (int depth in depths)
        {
            var nodes = new List<Node>();
            Grow(nodes, random, features, depth, mustReachDepth: true, cover: (float)(20 + 80 * random.NextDouble()));
            model._trees.Add(Shuffle(nodes, random));
        }

        return model;
    }

    public byte[] ToJson()
    {
        var trees = new JsonArray();
        for (int t = 0; t < _trees.Count; t++)
        {
            Node[] nodes = _trees[t];
            trees.Add(new JsonObject
            {
                ["base_weights"] = Array(nodes, n => JsonValue.Create(0f)),
                ["categories"] = new JsonArray(),
                ["categories_nodes"] = new JsonArray(),
                ["categories_segments"] = new JsonArray(),
                ["categories_sizes"] = new JsonArray(),
                ["default_left"] = Array(nodes, n => JsonValue.Create(n.DefaultLeft ? 1 : 0)),
                ["id"] = t,
                ["left_children"] = Array(nodes, n => JsonValue.Create(n.Left)),
                ["loss_changes"] = Array(nodes, n => JsonValue.Create(0f)),
                ["parents"] = Array(nodes, n => JsonValue.Create(n.Parent)),
                ["right_children"] = Array(nodes, n => JsonValue.Create(n.Right)),
                ["split_conditions"] = Array(nodes, n => JsonValue.Create(n.Value)),
                ["split_indices"] = Array(nodes, n => JsonValue.Create(n.Feature)),
                ["split_type"] = Array(nodes, n => JsonValue.Create(0)),
                ["sum_hessian"] = Array(nodes, n => JsonValue.Create(n.Cover)),
                ["tree_param"] = new JsonObject
                {
                    ["num_deleted"] = "0",
                    ["num_feature"] = Features.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["num_nodes"] = nodes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["size_leaf_vector"] = "0",
                },
            });
        }

        var root = new JsonObject
        {
            ["learner"] = new JsonObject
            {
                ["attributes"] = new JsonObject(),
                ["feature_names"] = new JsonArray(),
                ["feature_types"] = new JsonArray(),
                ["gradient_booster"] = new JsonObject
                {
                    ["model"] = new JsonObject
                    {
                        ["gbtree_model_param"] = new JsonObject
                        {
                            ["num_parallel_tree"] = "1",
                            ["num_trees"] = _trees.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            ["size_leaf_vector"] = "0",
                        },
                        ["tree_info"] = new JsonArray(_trees.Select(_ => (JsonNode?)JsonValue.Create(0)).ToArray()),
                        ["trees"] = trees,
                    },
                    ["name"] = "gbtree",
                },
                ["learner_model_param"] = new JsonObject
                {
                    ["base_score"] = BaseScore.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                    ["boost_from_average"] = "1",
                    ["num_class"] = "0",
                    ["num_feature"] = Features.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["num_target"] = "1",
                },
                ["objective"] = new JsonObject
                {
                    ["name"] = "binary:logistic",
                    ["reg_loss_param"] = new JsonObject { ["scale_pos_weight"] = "1" },
                },
            },
            ["version"] = new JsonArray(1, 7, 4),
        };
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>The base margin as XGBoost derives it from base_score for binary:logistic (logit in float32).</summary>
    public float BaseMargin => -MathF.Log(1f / BaseScore - 1f);

    /// <summary>Σ leaf values the row reaches plus the base margin (in double).</summary>
    public double Margin(ReadOnlySpan<float> row)
    {
        double margin = BaseMargin;
        foreach (Node[] tree in _trees)
        {
            int node = 0;
            while (tree[node].Left >= 0)
            {
                node = Next(tree[node], row);
            }

            margin += tree[node].Value;
        }

        return margin;
    }

    /// <summary>Shapley values of E[f | features in S known] with unknown features averaged by cover (the
    /// path-dependent value function), by enumerating every subset; the last entry is E[f] + base margin.</summary>
    public double[] BruteForceShap(ReadOnlySpan<float> row)
    {
        int m = Features;
        var phi = new double[m + 1];
        var factorial = new double[m + 1];
        factorial[0] = 1;
        for (int i = 1; i <= m; i++)
        {
            factorial[i] = factorial[i - 1] * i;
        }

        float[] x = row.ToArray();
        foreach (Node[] tree in _trees)
        {
            for (int j = 0; j < m; j++)
            {
                for (int subset = 0; subset < 1 << m; subset++)
                {
                    if ((subset & (1 << j)) != 0)
                    {
                        continue;
                    }

                    int size = System.Numerics.BitOperations.PopCount((uint)subset);
                    double weight = factorial[size] * factorial[m - size - 1] / factorial[m];
                    phi[j] += weight * (Expected(tree, 0, x, subset | (1 << j)) - Expected(tree, 0, x, subset));
                }
            }

            phi[m] += Expected(tree, 0, x, 0);
        }

        phi[m] += BaseMargin;
        return phi;
    }

    private static double Expected(Node[] tree, int index, float[] row, int known)
    {
        Node node = tree[index];
        if (node.Left < 0)
        {
            return node.Value;
        }

        if ((known & (1 << node.Feature)) != 0)
        {
            return Expected(tree, Next(node, row), row, known);
        }

        return (tree[node.Left].Cover * Expected(tree, node.Left, row, known)
            + tree[node.Right].Cover * Expected(tree, node.Right, row, known)) / node.Cover;
    }

    private static int Next(Node node, ReadOnlySpan<float> row)
    {
        float value = row[node.Feature];
        return float.IsNaN(value) ? (node.DefaultLeft ? node.Left : node.Right) : value < node.Value ? node.Left : node.Right;
    }

    // Appends a subtree breadth-first style (children get ids after their parent) and returns its root id.
    private static int Grow(List<Node> nodes, Random random, int features, int depth, bool mustReachDepth, float cover, int parent = int.MaxValue)
    {
        int id = nodes.Count;
        bool leaf = depth == 0 || (!mustReachDepth && random.NextDouble() < 0.25);
        if (leaf)
        {
            nodes.Add(new Node(-1, -1, 0, (float)(random.NextDouble() * 2 - 1), false, cover, parent));
            return id;
        }

        nodes.Add(default);
        float fraction = (float)(0.1 + 0.8 * random.NextDouble());
        int feature = random.Next(features);
        float threshold = (float)(random.NextDouble() * 2 - 1);
        bool defaultLeft = random.NextDouble() < 0.5;
        bool deepLeft = random.NextDouble() < 0.5;
        int left = Grow(nodes, random, features, depth - 1, mustReachDepth && deepLeft, cover * fraction, id);
        int right = Grow(nodes, random, features, depth - 1, mustReachDepth && !deepLeft, cover * (1 - fraction), id);
        nodes[id] = new Node(left, right, feature, threshold, defaultLeft, cover, parent);
        return id;
    }

    // XGBoost numbers nodes in the order it creates them, not in preorder; shuffle the ids (root stays 0) so the
    // evaluator's relabelling is exercised.
    private static Node[] Shuffle(List<Node> nodes, Random random)
    {
        int[] id = Enumerable.Range(0, nodes.Count).ToArray();
        random.Shuffle(id.AsSpan(1));
        var shuffled = new Node[nodes.Count];
        for (int i = 0; i < nodes.Count; i++)
        {
            Node node = nodes[i];
            shuffled[id[i]] = node with
            {
                Left = node.Left < 0 ? -1 : id[node.Left],
                Right = node.Right < 0 ? -1 : id[node.Right],
                Parent = node.Parent == int.MaxValue ? int.MaxValue : id[node.Parent],
            };
        }

        return shuffled;
    }

    private static JsonArray Array(Node[] nodes, Func<Node, JsonNode?> select) => new(nodes.Select(select).ToArray());

    private readonly record struct Node(int Left, int Right, int Feature, float Value, bool DefaultLeft, float Cover, int Parent);
}
