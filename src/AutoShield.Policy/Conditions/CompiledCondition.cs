namespace AutoShield.Policy.Conditions;

/// <summary>A condition ready to evaluate: the compiled delegate for the decision path, and the tree walker for explanations.</summary>
public sealed class CompiledCondition<TContext>
{
    private readonly Func<TContext, bool> _evaluate;

    internal CompiledCondition(string text, ConditionNode root, Func<TContext, bool> evaluate, ConditionInterpreter<TContext> interpreter, IReadOnlyList<string> fields)
    {
        Text = text;
        Root = root;
        _evaluate = evaluate;
        Interpreter = interpreter;
        Fields = fields;
    }

    public string Text { get; }

    public ConditionNode Root { get; }

    /// <summary>The field paths the condition reads.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Evaluates the same tree by walking it; slower, and able to say which clause decided.</summary>
    public ConditionInterpreter<TContext> Interpreter { get; }

    public bool Evaluate(TContext context) => _evaluate(context);

    /// <summary>The leaf clauses the interpreter looked at, in order, with the values it saw.</summary>
    public IReadOnlyList<ClauseResult> Explain(TContext context)
    {
        var trace = new List<ClauseResult>();
        Interpreter.Evaluate(context, trace);
        return trace;
    }

    public override string ToString() => Text;
}
