### ReLU Explorer, English: every word the page shows.
###
### Page text has a hyphen in its id; the template i18n/page.html places it with {{id}}. It may
### use inline markup: em, strong, code, a href="#…", and MathML.
### Program text has a snake_case id; the Rust code writes it at run time. Plain text, with
### { $name } placeholders, and a comment saying where it is shown. A list (no value, one
### .entry per item) is indexed by what each entry is named for.
### Every id here must be in zh-CN.ftl too, with the same placeholders and entries.

## Page text

skip-link = Skip to the graph
page-name = ReLU Explorer
page-tagline = See how the rectified linear unit works, why it trains well, and where it fails.
page-intro =
    ReLU, short for <em>rectified linear unit</em>, is an activation function: the simple nonlinear
    rule a neural network applies to each unit’s weighted sum. It passes positive inputs through
    unchanged and turns every other input into zero, and that one rule has made it one of the
    most widely used activation functions in deep learning. On this page you can read its formula,
    move along its graph, run live experiments on its strengths and weaknesses, and watch what
    PyTorch’s autograd does with it.
header-item-1 = <a href="#formula">Formula</a>
header-item-2 = <a href="#graph">Graph</a>
header-item-3 = <a href="#strengths">Strengths</a>
header-item-4 = <a href="#weaknesses">Weaknesses</a>
noscript-note = The interactive parts of this page need JavaScript and WebAssembly.
formula-title = The formula
formula-p-1 = ReLU keeps a positive input as it is and replaces any other input with zero:
math-if = if
formula-p-2 = The same rule fits on one line:
formula-p-3 =
    Its graph is two straight pieces that meet at the origin: flat at zero for negative inputs,
    the line <math><mi>y</mi><mo>=</mo><mi>x</mi></math> for positive ones. Each piece is linear,
    but the bend between them makes the whole function nonlinear, which is what lets a network
    of such units represent more than a single linear map.
formula-p-4 =
    To differentiate, take each piece on its own: the slope of <math><mi>x</mi></math> is 1 and
    the slope of the constant 0 is 0.
math-undefined = undefined
formula-heading-1 = What happens at <math><mi>x</mi><mo>=</mo><mn>0</mn></math>
formula-p-5 =
    At the origin the two pieces meet in a corner. Coming from the left the slope is 0; coming
    from the right it is 1. Since the two one-sided slopes disagree, there is no single tangent
    line, and the derivative at exactly <math><mi>x</mi><mo>=</mo><mn>0</mn></math> is undefined.
formula-p-6 =
    Training by gradient descent still needs some number there. Any slope <math><mi>g</mi></math>
    between the two one-sided slopes, that is any <math><mi>g</mi><mo>∈</mo><mo stretchy="false">[</mo><mn>0</mn><mo>,</mo><mn>1</mn><mo
    stretchy="false">]</mo></math>, gives a line <math><mi>y</mi><mo>=</mo><mi>g</mi><mi>x</mi></math>
    through the corner that never rises above the graph, so each such <math><mi>g</mi></math>
    is a valid <em>subgradient</em>, and a library is free to pick one. PyTorch picks 0: the backward
    pass of <code>torch.relu</code> gives a gradient of 0 for an input of exactly <code>0.0</code>.
formula-p-7 =
    Usually this choice makes no difference. Inputs to ReLU are weighted sums of real-valued data,
    and landing on exactly <code>0.0</code> is uncommon. It does happen, though: for example,
    when ReLU is applied to values an earlier ReLU has already clipped to 0, or when a unit with
    zero bias receives inputs that are all exactly 0. It is still worth knowing the convention.
    It explains why <code>x.grad</code> shows 0 at <code>0.0</code> in the PyTorch example further
    down, why code that tests <code>x &gt;= 0</code> instead of <code>x &gt; 0</code> gives a
    different gradient at that one point, and why a numerical gradient check disagrees with autograd
    at the corner: the centered difference <math><mfrac><mrow><mi>f</mi><mo stretchy="false">(</mo><mi>h</mi><mo
    stretchy="false">)</mo><mo>−</mo><mi>f</mi><mo stretchy="false">(</mo><mrow><mo>−</mo><mi>h</mi></mrow><mo
    stretchy="false">)</mo></mrow><mrow><mn>2</mn><mi>h</mi></mrow></mfrac></math> gives 0.5 there.
graph-title = The graph
graph-p-1 =
    The plot below draws ReLU and its derivative on one set of axes: ReLU as a line with a bend
    at the origin, and its derivative as two flat pieces, 0 for negative <math><mi>x</mi></math>
    and 1 for positive <math><mi>x</mi></math>, with no line between them: at
    <math><mi>x</mi><mo>=</mo><mn>0</mn></math> it jumps, taking none of the values in between.
    Where both are 0, the derivative is the wider line under ReLU’s. Move the input <math><mi>x</mi></math>
    with the slider, or click and drag on the plot, to mark that point on both curves and read
    off <math><mi>f</mi><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo></math>
    and <math><mi>f</mi><mo>′</mo><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo></math>.
    Then overlay Leaky ReLU, sigmoid, or tanh to compare their shapes and slopes with ReLU’s.
graph-caption-1 =
    Drag or click on the graph to move x. The filled dot at x = 0 marks the derivative PyTorch
    uses there (0); the open dot marks the slope just to the right (1).
export-graph-png = Save the graph as PNG
export-graph-csv = Save its samples as CSV
graph-legend-1 = Input
graph-table-caption-1 = Values at x
graph-column-1 = function
kink-note =
    x is exactly 0, the kink: the derivative is undefined here, and PyTorch’s backward pass uses
    0.
graph-legend-2 = x range
label-x-min = x min
label-x-max = x max
graph-legend-3 = Compare with
label-leaky-slope = slope α
graph-p-2 =
    PyTorch’s default Leaky ReLU slope is 0.01; the slider starts at 0.1 so the leak is easy to
    see.
primer-heading = First: how a network learns
primer-p-1 =
    A network learns by changing its weights to make one number smaller: the <em>loss</em>, which
    measures how far its outputs are from the <em>targets</em>, the answers it should give. This
    page uses the mean of the squared differences. <em>Gradient descent</em> does the changing: for
    every weight it finds the <em>gradient</em>, how fast the loss grows when that weight grows,
    and moves the weight a small step the other way (the <em>learning rate</em> times its
    gradient). Step after step, the loss goes down.
primer-p-2 =
    <em>Backpropagation</em> finds all those gradients in one pass backwards, by the chain rule.
    Below is one unit with one input: forward, the input becomes a loss; backward, each step
    receives the gradient of the loss with respect to its own output (the <em>upstream
    gradient</em>) and multiplies it by its own local derivative before passing it on.
primer-forward = Forward, left to right: input, weighted sum (an affine map), ReLU, loss.
primer-backward = Backward, right to left: each gradient is the upstream one times a local derivative.
primer-caption = One unit with weight w, bias b and target t; L is its loss.
primer-p-3 =
    ReLU’s local derivative is 1 where <math><mi>z</mi><mo>&gt;</mo><mn>0</mn></math> and 0
    elsewhere, so it either passes the upstream gradient on untouched or stops it. Most of what
    follows, good and bad, comes from that.
strengths-title = Why ReLU works well
strengths-p-1 =
    A few simple properties explain why ReLU became the default choice for so many networks. Each
    comes with a small experiment you can run.
strengths-heading-1 = Gradients pass through active units undiminished
strengths-p-2 =
    For a positive input ReLU is the identity, so its derivative there is exactly 1, however large
    the input. Sigmoid and tanh behave differently: they flatten out (<em>saturate</em>) for large
    <math><mo stretchy="false">|</mo><mi>x</mi><mo stretchy="false">|</mo></math>, their derivatives
    fall toward 0, and a unit pushed into a flat tail barely learns. Depth makes this worse. Backpropagating
    through <math><mi>L</mi></math> layers multiplies one activation derivative per layer (the
    chain rule). Sigmoid’s derivative is at most <math><mfrac><mn>1</mn><mn>4</mn></mfrac></math>,
    so that product is at most <math><msup><mrow><mo stretchy="false">(</mo><mfrac><mn>1</mn><mn>4</mn></mfrac><mo
    stretchy="false">)</mo></mrow><mi>L</mi></msup></math>, less than one millionth for <math><mi>L</mi><mo>=</mo><mn>10</mn></math>.
    Tanh’s derivative is at most 1, reached only at <math><mi>x</mi><mo>=</mo><mn>0</mn></math>,
    and is usually much smaller. Along a path of active ReLU units, every one of those factors
    is exactly 1.
strengths-p-3 =
    This is not a guarantee against vanishing or exploding gradients. The chain rule also multiplies
    by the weights at every layer, which can still shrink or blow up the product, and a path through
    an inactive unit (input <math><mo>≤</mo><mn>0</mn></math>) carries no gradient at all.
depth-heading = Try it: how much gradient is left after L layers
depth-intro =
    Backpropagation multiplies the gradient by the activation’s derivative at every layer it passes,
    taken at that layer’s pre-activation <math><mi>z</mi></math>. Choose the depth and
    <math><mi>z</mi></math>, or give <math><mi>z</mi></math> a spread so that it changes from layer
    to layer, and compare what each activation lets through.
predict-legend = Predict first
depth-predict-question =
    Take z = 0.5 at every layer, a unit that is on. After 10 sigmoid layers, is the gradient that is
    left bigger or smaller than 0.001?
depth-predict-bigger = Bigger than 0.001
depth-predict-smaller = Smaller than 0.001
predict-check = Check, and show it
label-grad-depth = Depth L
label-grad-z = Pre-activation z
label-grad-spread = Spread of z
grad-redraw = New random z values
depth-caption =
    The share of the gradient left after each layer, on a log scale: at the top, 1 is all of it.
    A cross marks where an inactive ReLU unit cut the path.
depth-col-activation = Activation
depth-col-left = Left after L layers
depth-col-note = Why
depth-name-relu = ReLU
depth-name-leaky = Leaky ReLU (slope 0.01)
depth-name-sigmoid = sigmoid
depth-name-tanh = tanh
export-depth-png = Save the gradient chart as PNG
strengths-heading-2 = Cheap to compute
strengths-p-5 =
    ReLU needs a single comparison: keep <math><mi>x</mi></math> if it is positive, otherwise
    output 0. Its derivative is just as cheap, another comparison. Sigmoid, <math><mfrac><mn>1</mn><mrow><mn>1</mn><mo>+</mo><msup><mi>e</mi><mrow><mo>−</mo><mi>x</mi></mrow></msup></mrow></mfrac></math>,
    and tanh both need an exponential, which costs many more operations per element. A network
    applies its activation to every unit for every example, on the forward and the backward pass,
    so the saving adds up, although how much it speeds up a whole network depends on the hardware,
    since the weighted sums usually take most of the time.
speed-heading = Try it: time ReLU, sigmoid and tanh on this device
speed-intro =
    The page times each function over arrays of float32 numbers (half of them negative), forward
    and forward + backward, in its WebAssembly module and in a plain JavaScript loop over the
    same arrays, and times copying the array as well. Copying reads and writes every element once,
    the least any pass that writes a new array can cost: it is the memory’s speed limit.
speed-predict-question =
    Sigmoid needs an exponential, ReLU one comparison. On this device, in WebAssembly, how many
    times longer does sigmoid’s forward pass take than ReLU’s? Choose, then Check: the page
    measures and tells you.
speed-predict-under2 = Under 2 times
speed-predict-2to10 = 2 to 10 times
speed-predict-over10 = More than 10 times
speed-check = Check (measures)
export-speed-png = Save the speed chart as PNG
speed-caption =
    Nanoseconds per element, log scale: filled bars WebAssembly, outlined bars JavaScript; the dashed
    line is the copy. Lower is faster.
label-speed-size = Elements per array
speed-size-hint =
    K = 1024, M = 1024². Four arrays of this size (16 bytes an element: 16 MB at 1M, 256 MB at 16M).
    From 4M up they no longer fit in the processor’s caches, and memory sets the pace.
speed-run = Run the measurement
speed-cancel = Cancel
label-speed-progress = Progress
speed-table-caption = Nanoseconds per element (median of 7 samples)
speed-col-kernel = Function
speed-col-wasm = WebAssembly
speed-col-js = JavaScript
speed-col-ratio = JS ÷ WebAssembly
speed-col-copy = WebAssembly ÷ copy
speed-name-copy = Copy (Float32Array.set)
speed-name-relu = ReLU
speed-name-relu-fb = ReLU, forward + backward
speed-name-sigmoid = sigmoid
speed-name-sigmoid-fb = sigmoid, forward + backward
speed-name-tanh = tanh
speed-name-tanh-fb = tanh, forward + backward
speed-method =
    <strong>How it is measured.</strong> For each row the page first runs the function on a small
    piece, doubling the work until one run takes half a millisecond (this also warms up the
    JavaScript compiler), then sizes a sample to take about 4 ms, discards one more warm-up sample,
    and reports the median of 7 samples, so that one interruption does not move the result. It
    works a few milliseconds per frame, so the page stays responsive. ReLU in WebAssembly uses
    SIMD, four elements per instruction: <code>f32x4.pmax(x, 0)</code> is defined as
    <code>x &lt; 0 ? 0 : x</code>, exactly PyTorch’s ReLU, NaN and −0 included. Sigmoid and tanh
    compute <math><mn>1</mn><mo>/</mo><mo>(</mo><mn>1</mn><mo>+</mo><msup><mi>e</mi><mrow><mo>−</mo><mi>x</mi></mrow></msup><mo>)</mo></math>
    and tanh in double precision, rounded once to float32: with Rust’s <code>libm</code> (a port of
    musl’s) in WebAssembly, with the browser’s <code>Math.exp</code> and <code>Math.tanh</code> in
    JavaScript. Every number here is this device’s, with whatever else it is doing: run it twice
    and the times change a little, the ratios much less.
strengths-heading-3 = A threshold, like a neuron, and sparse activity
strengths-p-7 =
    ReLU keeps the biological idea behind the old step function: a neuron stays quiet until its
    input passes a threshold, then fires. Unlike the step function, whose slope is 0 wherever
    it is defined, ReLU has slope 1 above the threshold, so gradient-based learning can still
    adjust the unit. A by-product is <em>sparsity</em>: for a given input, every unit whose pre-activation
    is <math><mo>≤</mo><mn>0</mn></math> outputs exactly 0, so often a large share of a layer
    is silent (about half, if the pre-activations are spread symmetrically around 0). Different
    inputs switch on different subsets of units, so the network in effect applies a different
    affine map (a linear map plus an offset) in each region of its input space.
strengths-p-8 =
    How large the silent share is depends on where the pre-activations fall. A unit’s
    pre-activation is a sum of many weighted inputs, so over many examples it is often roughly
    normally distributed. The experiment below draws inputs from a normal distribution with a mean
    μ and a standard deviation σ that you choose, and counts what ReLU turns into exact zeros.
sparsity-heading = Try it: how many outputs are exactly zero?
sparsity-intro =
    Inputs x are drawn from a normal distribution with mean μ and standard deviation σ and passed
    through ReLU. The upper histogram shows the inputs, the lower one ReLU’s outputs on the same
    axes: the positive inputs come through unchanged, and every input at or below 0 lands on one
    spike at exactly 0.
sparsity-predict-question =
    The inputs come from a normal distribution with mean μ = −1 and standard deviation σ = 1. What
    share of ReLU’s outputs are exactly 0?
sparsity-predict-under20 = Under 20%
sparsity-predict-half = About half (20% to 80%)
sparsity-predict-over80 = Over 80%
label-sparsity-mean = Mean μ
label-sparsity-std = Standard deviation σ
label-sparsity-samples = Inputs drawn
sparsity-redraw = New draw
sparsity-caption =
    Above, the inputs; below, ReLU’s outputs on the same axes. A bar’s height is the share of the
    inputs in its bin; the dashed line is x = 0. The spike of exact zeros stands just left of it,
    labelled with its share; when it is taller than the chart, a gap near the top shows it is cut.
export-sparsity-png = Save the histograms as PNG
sparsity-col-quantity = Quantity
sparsity-col-measured = This draw
sparsity-col-theory = Theory
sparsity-row-zeros = Outputs exactly 0
sparsity-row-mean-in = Mean of the inputs
sparsity-row-mean-out = Mean of the outputs
sparsity-theory =
    In theory an output is 0 exactly when its input is at most 0, which happens with probability
    <math><mi>P</mi><mo stretchy="false">(</mo><mi>x</mi><mo>≤</mo><mn>0</mn><mo stretchy="false">)</mo><mo>=</mo><mi>Φ</mi><mo stretchy="false">(</mo><mo>−</mo><mi>μ</mi><mo>/</mo><mi>σ</mi><mo stretchy="false">)</mo></math>,
    Φ being the standard normal distribution function. The outputs’ mean is
    <math><mi>μ</mi><mi>Φ</mi><mo stretchy="false">(</mo><mi>μ</mi><mo>/</mo><mi>σ</mi><mo stretchy="false">)</mo><mo>+</mo><mi>σ</mi><mi>φ</mi><mo stretchy="false">(</mo><mi>μ</mi><mo>/</mo><mi>σ</mi><mo stretchy="false">)</mo></math>
    (φ the standard normal density): above 0 for every μ and σ, since ReLU never outputs a
    negative number, so its outputs are never centred on 0, a weakness the next section returns
    to. Under the measured share is its 95% interval (Wilson’s): with more inputs it narrows
    around the theory’s value.
sparsity-why-1 =
    <strong>Why sparsity is useful.</strong> An exact 0 is not merely a small number. A unit that
    outputs 0 for an input adds nothing to the next layer (its outgoing weights multiply 0) and
    passes no gradient back for that input (ReLU’s derivative there is 0). So for each input only
    the active units do any work, and only their weights learn from it.
sparsity-why-2 =
    Each input switches on its own subset of units. With that subset fixed, every ReLU acts as
    either the identity or 0, so the network is a plain linear function of its input plus an
    offset: a different linear piece for each pattern of active units. That is why a ReLU network
    is piecewise linear, and why a unit can specialise in the inputs that switch it on instead of
    responding weakly to all of them.
sparsity-why-3 =
    To be fair about the savings: an ordinary dense matrix product on a GPU multiplies the zeros
    anyway, so scattered zeros save time only with sparse formats, kernels or hardware that skip
    them, and only when most values are zero. And too much sparsity does harm: a unit that is 0
    for <em>every</em> input gets no gradient at all and never recovers, the dead neurons of the
    <a href="#weaknesses">next section</a>.
# The sparsity chart's accessible name before its first drawing.
sparsity_chart_title = Histograms of the inputs and of ReLU’s outputs
# The sparsity chart's upper panel title.
sparsity_before = Before ReLU: the inputs x
# The sparsity chart's lower panel title.
sparsity_after = After ReLU: max(0, x)
# The label of the sparsity chart's spike of exact zeros; `{share}`.
sparsity_spike = exactly 0: { $share }
# The measured share's 95% interval, under it in the sparsity table; `{low}`, `{high}`.
sparsity_interval = 95% interval { $low } to { $high }
# The sparsity chart's text alternative; `{samples}`, `{mean}`, `{std}`, `{zeros}`, `{share}`,
# `{theory}`, `{mean_out}`.
sparsity_alt =
    Two histograms of { $samples } inputs drawn from a normal distribution with mean { $mean } and
    standard deviation { $std }, before and after ReLU. After ReLU, { $zeros } of them ({ $share })
    are exactly 0, against { $theory } in theory; the outputs’ mean is { $mean_out }.
# Why, after the sparsity question is checked; `{mean}`, `{std}`, `{share}`.
sparsity_predict_why =
    ReLU outputs 0 for every input at or below 0. With μ = { $mean } and σ = { $std }, 0 lies one
    standard deviation above the mean, and Φ(−μ/σ) ≈ { $share } of a normal distribution lies
    below that: moving the mean down by one σ takes the zeros from half to about five in six. The
    chart now shows this case.
weaknesses-title = Where ReLU falls short
weaknesses-heading-1 = Dead neurons
weaknesses-p-1 =
    A ReLU unit computes a pre-activation <math><mi>z</mi><mo>=</mo><munder><mo>∑</mo><mi>i</mi></munder><msub><mi>w</mi><mi>i</mi></msub><msub><mi>a</mi><mi>i</mi></msub><mo>+</mo><mi>b</mi></math>
    from its inputs <math><msub><mi>a</mi><mi>i</mi></msub></math> and outputs <math><mi>max</mi><mo
    stretchy="false">(</mo><mn>0</mn><mo>,</mo><mi>z</mi><mo stretchy="false">)</mo></math>. For
    an example with <math><mi>z</mi><mo>≤</mo><mn>0</mn></math>, the output and the gradient through
    the unit are both 0, so that example leaves the unit’s weights and bias unchanged. That is
    normal; it is where sparsity comes from. The trouble starts when <math><mi>z</mi><mo>≤</mo><mn>0</mn></math>
    for <em>every</em> input in the training data. Then no example ever sends the unit any gradient,
    its weights and bias freeze, and it stays silent, usually for the rest of training. Such a
    unit is <em>dead</em>, and a layer with many dead units has less capacity than its size suggests.
weaknesses-p-2 =
    The flat negative side causes this, not the corner at 0. The undefined derivative at that
    single point is settled by convention; a unit dies because all of its inputs land where the
    slope is exactly 0.
weaknesses-p-3 =
    Units typically die when a large update (from a high learning rate or a big gradient) knocks
    the bias far negative or swings the weights so that the sum is negative for all the data.
    A poor initialization can leave units dead from the start, especially in deep, narrow networks.
    Common remedies:
weaknesses-item-1 =
    <strong>Leaky ReLU</strong> gives the negative side a small slope <math><mi>α</mi></math>:
    <math><mi>f</mi><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo><mo>=</mo><mi>x</mi></math>
    for <math><mi>x</mi><mo>&gt;</mo><mn>0</mn></math> and <math><mi>α</mi><mi>x</mi></math> otherwise
    (PyTorch’s default <math><mi>α</mi></math> is 0.01), so the unit always gets some gradient
    and can recover. Relatives: <strong>PReLU</strong> learns <math><mi>α</mi></math> during training;
    <strong>ELU</strong> uses the smooth curve <math><mi>α</mi><mo stretchy="false">(</mo><msup><mi>e</mi><mi>x</mi></msup><mo>−</mo><mn>1</mn><mo
    stretchy="false">)</mo></math> for negative inputs.
weaknesses-item-2 =
    <strong>He (Kaiming) initialization</strong> draws each unit’s weights with variance <math><mfrac><mn>2</mn><msub><mi>n</mi><mtext>in</mtext></msub></mfrac></math>,
    where <math><msub><mi>n</mi><mtext>in</mtext></msub></math> is its number of inputs, keeping
    pre-activations at a steady scale from layer to layer.
weaknesses-item-3 =
    <strong>A smaller learning rate</strong> makes the large jumps that kill units less likely.
neuron-heading-1 = One neuron, step by step
neuron-p-1 =
    One ReLU unit, a = max(0, z) with z = w·x + b, fits eight points by gradient descent on the
    mean squared error. Step through how a single oversized update kills it, why no gradient can
    then reach it, and how Leaky ReLU brings it back.
neuron-back-label = Back
neuron-next-label = Next
neuron-reset-label = Start over
neuron-table-caption-1 = Every number of the forward and backward pass, one row per point
neuron-column-1 = gate
neuron-column-2 = target y
neuron-column-3 = gate gradient
neuron-p-2 =
    The eight points have inputs x = −0.875, −0.625, …, 0.875 and targets <math><mi>y</mi><mo>=</mo><mi>max</mi><mo stretchy="false">(</mo><mn>0</mn><mo>,</mo><mi>x</mi><mo stretchy="false">)</mo></math>, a
    ReLU itself, so a perfect answer exists: w = 1, b = 0. In the table, the gate is open where
    <math><mi>z</mi><mo>&gt;</mo><mn>0</mn></math>; <math><mfrac><mrow><mo>∂</mo><mi>L</mi></mrow><mrow><mo>∂</mo><mi>a</mi></mrow></mfrac><mo>=</mo><mfrac><mn>2</mn><mi>n</mi></mfrac><mo stretchy="false">(</mo><mi>a</mi><mo>−</mo><mi>y</mi><mo stretchy="false">)</mo></math>, with n = 8 points, is what the mean
    squared error sends back to each output; the gate gradient is <math><msup><mi>ReLU</mi><mo>′</mo></msup><mo stretchy="false">(</mo><mi>z</mi><mo stretchy="false">)</mo></math>, 1 where
    the gate is open and 0 where it is shut; and <math><mfrac><mrow><mo>∂</mo><mi>L</mi></mrow><mrow><mo>∂</mo><mi>z</mi></mrow></mfrac><mo>=</mo><mfrac><mrow><mo>∂</mo><mi>L</mi></mrow><mrow><mo>∂</mo><mi>a</mi></mrow></mfrac><mo>·</mo><msup><mi>ReLU</mi><mo>′</mo></msup><mo stretchy="false">(</mo><mi>z</mi><mo stretchy="false">)</mo></math>.
lab-heading-1 = Dead-neuron lab
lab-p-1 =
    A small network learns a curve on [−1, 1] with plain gradient descent, live. Each hidden unit
    whose pre-activation is ≤ 0 on every training input is dead: it turns grey in the strip and
    the charts, and its weights never change again. Try a preset, or change the settings and press
    Play.
lab-presets-label = Presets:
preset-healthy-label = Healthy
preset-high-lr-label = Learning rate too high
preset-negative-bias-label = Negative bias init
preset-leaky-rescue-label = Leaky ReLU rescue
preset-narrow-deep-label = Narrow and deep
lab-play-label = Play
lab-step-label = One step
lab-reset-label = Reset
lab-p-2 =
    Green squares: alive. Grey outlines: dead (≤ 0 on every input; no gradient ever reaches it).
    Amber circles, with Leaky ReLU: below zero on every input but still learning through the leak.
export-lab-fit = Save the fit as PNG
export-lab-units = Save the units as PNG
export-lab-dead = Save the dead share as PNG
export-lab-loss = Save the loss as PNG
lab-charts-note =
    Before any training, the dead-share and loss charts hold one dot each: step 0, where the run
    starts. Press Play (or One step) to train, and watch both lines grow from there. On the
    fit, the prediction is straight between the rings and bends only at them: each ring is a
    kink, where a hidden unit switches on or off. A hollow ring is a first-layer unit's
    x = −b/w; a filled one is a deeper unit's switch. A dead unit adds no kink, so the network
    has one bend fewer to fit the targets with.
export-lab-csv = Save the training history as CSV
lab-summary = Settings
label-lab-activation = Activation
label-lab-slope = Leaky slope
label-lab-lr = Learning rate
label-lab-init = Initialisation
label-lab-bias = Bias init
label-lab-width = Width
label-lab-depth = Hidden layers
label-lab-task = Task
label-lab-points = Points
label-lab-seed = Seed
label-lab-steps = Steps per frame
lab-lr-hint = The learning rate moves on a log scale, from 0.0001 to 3.
lab-slope-hint = The leaky slope is used when the activation is Leaky ReLU; with ReLU it is greyed out.
lab-init-hint =
    Initialisation draws the starting weights. He (Kaiming) scales them for ReLU: variance 2 / n, for
    n inputs to the unit. Xavier (Glorot) scales them for tanh and sigmoid: variance 2 / (n + m),
    with m the layer’s outputs. The other two ignore the layer’s size.
born-dead-heading-1 = Born dead: how often a fresh network is already dead
born-dead-p-1 =
    Initialise a ReLU network with one input, L hidden layers of N units and one output, without
    training it. If some hidden layer has all its units ≤ 0, everything after it sees zeros and
    the output is a constant.
label-born-width = Width N
label-born-depth = Depth L
label-born-init = Initialisation
label-born-bias = Bias init
born-dead-term-1 =
    <strong>Question 1:</strong> is a fresh network dead on every input from −1 to 1? Counted by Monte Carlo:
    initialise many networks at random and count the dead ones. The 95% interval is the range
    that holds the true share with 95% confidence.
born-dead-term-2 =
    <strong>Question 2:</strong> at one input x ≠ 0, is some hidden layer all ≤ 0? Exactly, with zero biases:
born-dead-p-2 =
    <strong>Why the two answers differ.</strong> The closed form assumes one input x ≠ 0, zero biases and weights symmetric about 0: then each
    unit is ≤ 0 with chance ½, a layer goes dark with chance <math><msup><mn>2</mn><mrow><mo>−</mo><mi>N</mi></mrow></msup></math>, and the L layers are independent.
    The Monte Carlo count asks more: a constant output over all 65 inputs from −1 to 1. With zero
    biases a single hidden layer is never dead over the whole range (units with w &gt; 0 cover
    x &gt; 0, those with w &lt; 0 cover x &lt; 0), so the Monte Carlo share is lower than the
    closed form; deeper, narrower nets close the gap. A negative bias init makes born-dead networks
    far more common, which the closed form, built on zero biases, does not cover.
weaknesses-heading-2 = Outputs are not zero-centered
weaknesses-p-4 =
    ReLU’s outputs are never negative, so their mean is positive. Take a unit in the next layer,
    <math><mi>z</mi><mo>=</mo><munder><mo>∑</mo><mi>i</mi></munder><msub><mi>w</mi><mi>i</mi></msub><msub><mi>a</mi><mi>i</mi></msub><mo>+</mo><mi>b</mi></math>,
    whose inputs <math><msub><mi>a</mi><mi>i</mi></msub></math> are ReLU outputs. For a loss <math><mi>ℒ</mi></math>,
    each weight’s gradient is <math><mfrac><mrow><mo>∂</mo><mi>ℒ</mi></mrow><mrow><mo>∂</mo><msub><mi>w</mi><mi>i</mi></msub></mrow></mfrac><mo>=</mo><mfrac><mrow><mo>∂</mo><mi>ℒ</mi></mrow><mrow><mo>∂</mo><mi>z</mi></mrow></mfrac><mo>⁢</mo><msub><mi>a</mi><mi>i</mi></msub></math>.
    Since every <math><msub><mi>a</mi><mi>i</mi></msub><mo>≥</mo><mn>0</mn></math>, for a single
    example all of these gradients that are not zero share the sign of <math><mfrac><mrow><mo>∂</mo><mi>ℒ</mi></mrow><mrow><mo>∂</mo><mi>z</mi></mrow></mfrac></math>:
    the unit’s incoming weights all move up together or all move down together. When the best
    step would raise some weights and lower others, gradient descent has to zig-zag toward it,
    which slows training.
weaknesses-p-5 =
    Averaging over a mini-batch softens this, and normalization layers (batch or layer normalization)
    re-center the activations. The next layer’s bias can offset the positive mean in the forward
    pass, though not the shared sign of the gradients. Sigmoid has the same weakness; tanh, whose
    outputs are centered on 0, largely avoids it.
weaknesses-p-6 =
    How far from zero is the mean? For a pre-activation <math><mi>X</mi></math> drawn from
    <math><mi>N</mi><mo stretchy="false">(</mo><mi>μ</mi><mo>,</mo><msup><mi>σ</mi><mn>2</mn></msup><mo stretchy="false">)</mo></math>, ReLU’s output has mean <math><mi>E</mi><mo stretchy="false">[</mo><mi>relu</mi><mo stretchy="false">(</mo><mi>X</mi><mo stretchy="false">)</mo><mo stretchy="false">]</mo><mo>=</mo><mi>μ</mi><mi>Φ</mi><mo stretchy="false">(</mo><mi>μ</mi><mo>/</mo><mi>σ</mi><mo stretchy="false">)</mo><mo>+</mo><mi>σ</mi><mi>φ</mi><mo stretchy="false">(</mo><mi>μ</mi><mo>/</mo><mi>σ</mi><mo stretchy="false">)</mo></math>, where Φ and φ are the standard normal’s distribution
    and density. That is above 0 for every μ (at μ = 0 it is <math><mi>σ</mi><mo>/</mo><msqrt><mrow><mn>2</mn><mi>π</mi></mrow></msqrt><mo>≈</mo><mn>0.4</mn><mi>σ</mi></math>). So the next layer’s inputs
    all share one sign, and each of a unit’s weight gradients, <math><mi>δ</mi><mo>⁢</mo><msub><mi>x</mi><mi>i</mi></msub></math>, has the sign of δ for every
    i. The experiment below shows what that does to gradient descent in the smallest case: one
    unit with two weights.
zigzag-heading = Try it: gradient descent on all-positive inputs
zigzag-intro =
    One linear unit with two weights, <math><mi>y</mi><mo>=</mo><msub><mi>w</mi><mn>1</mn></msub><msub><mi>x</mi><mn>1</mn></msub><mo>+</mo><msub><mi>w</mi><mn>2</mn></msub><msub><mi>x</mi><mn>2</mn></msub></math>, learns from 32 examples made with the weights
    (1, −1), so its loss is least at <math><mi>w</mi><mo>=</mo><mo stretchy="false">(</mo><mn>1</mn><mo>,</mo><mo>−</mo><mn>1</mn><mo stretchy="false">)</mo></math>. Its inputs are all positive, as ReLU outputs are
    (drawn evenly between 0 and 1), or the same inputs less their mean. Both runs start at (0, 0)
    and take one plain gradient-descent step per example, going through the examples in turn. To
    reach the minimum, w₁ must go up and w₂ down; but one example’s gradients are δ·x₁ and δ·x₂,
    so with positive inputs both weights always move the same way.
zigzag-predict-question = With a learning rate of 3, after 64 steps, which run ends nearer the minimum?
zigzag-predict-positive = The one on all-positive inputs
zigzag-predict-centred = The one on centred inputs
zigzag-predict-same = About as near (within a factor of 2)
label-zigzag-rate = Learning rate
label-zigzag-steps = Steps
zigzag-redraw = New examples
zigzag-caption =
    The loss over the weights (w₁ across, w₂ up): each darker band has half the loss of the band
    around it. The ring is the start, (0, 0), the dots the weights after each step, the cross the
    minimum, (1, −1). The positive inputs’ valley is long and narrow, its floor running from upper
    left to lower right: across every direction their steps can take.
zigzag-col-measure = After the last step
zigzag-col-steps = Steps taken
zigzag-col-distance = Distance to the minimum at the end
zigzag-col-same = Steps that moved both weights the same way
zigzag-row-positive = All positive
zigzag-row-centred = Centred
export-zigzag-png = Save the loss surfaces as PNG
zigzag-after =
    At a small learning rate both runs get there, the positive one by a zig-zag that costs it
    little. What centring buys is the learning rate: raise it to 3, and for most draws of examples
    the positive run’s zig-zag swings wider with every step until it flies off, while the centred
    run still lands on the minimum.
    This is one reason networks keep their layers’ inputs near a mean of 0 (normalization layers,
    careful initialization), and why ReLU’s positive mean counts among its weaknesses.
# The zero-centred chart's accessible name before it is drawn.
zigzag_chart_title = Loss surfaces and gradient-descent paths on all-positive and centred inputs
# The chart's left (or upper) panel's title; also the run's name in the note under the table.
zigzag_positive_title = All-positive inputs
# The chart's right (or lower) panel's title; also the run's name in the note under the table.
zigzag_centred_title = Centred inputs
# The chart's text alternative; `{rate}`, `{steps}`, `{positive}`, `{psame}`, `{centred}`, `{csame}`.
zigzag_alt =
    Two loss surfaces over the weights w₁ and w₂, with the gradient-descent paths from (0, 0)
    toward the minimum (1, −1) at learning rate { $rate } over { $steps } steps. All-positive
    inputs: the path ends { $positive } from the minimum, and { $psame } of its steps moved both
    weights the same way. Centred inputs: it ends { $centred } from the minimum, and { $csame } of
    its steps did.
# Under the table, when a run's weights overflowed; `{run}` (its name), `{step}`.
zigzag_diverged = { $run }: the weights overflowed at step { $step }, where its path stops.
# Why, after the zig-zag question is checked; `{rate}`, `{steps}`, `{positive}`, `{centred}`, `{ratio}`.
zigzag_predict_why =
    At rate { $rate }, after { $steps } steps, the centred run ends { $centred } from the minimum
    and the positive run { $positive }, { $ratio } times farther. Every step of the positive run
    moves both weights the same way, so it can only zig-zag across the valley toward (1, −1), and
    at this rate each zig overshoots more than the last. The centred inputs’ steps can move the two
    weights in opposite directions, and each lands close to fitting its example. The chart now
    shows this case.
weaknesses-heading-3 = No upper limit
weaknesses-p-7 =
    Sigmoid and tanh squash every input into a fixed range; ReLU lets positive values through
    at any size. That keeps its gradient alive, but nothing in the activation stops values from
    growing layer after layer when the weights are large, which can lead to exploding activations
    and gradients, or overflow in low-precision arithmetic. Careful initialization, normalization
    layers, weight decay and gradient clipping keep this in check, and variants such as ReLU6,
    <math><mi>min</mi><mo stretchy="false">(</mo><mi>max</mi><mo stretchy="false">(</mo><mn>0</mn><mo>,</mo><mi>x</mi><mo
    stretchy="false">)</mo><mo>,</mo><mn>6</mn><mo stretchy="false">)</mo></math>, cap the output.
growth-heading = Try it: how large the activations get after L layers
growth-intro =
    A deep network of wide layers with zero biases, fed inputs of size 1 (their root mean square,
    RMS). Each layer’s weights are drawn with a standard deviation of your scale times He’s
    <math><msqrt><mn>2</mn><mo>/</mo><mi>n</mi></msqrt></math>. Follow the activations’ RMS down
    the layers for each activation function.
growth-predict-question =
    Take weights 1.5 times He’s scale. After 20 ReLU layers, how large are the activations
    compared with the input?
growth-predict-same = About the same (under 10×)
growth-predict-hundred = About a hundred times (10× to 1000×)
growth-predict-thousand = More than a thousand times
label-growth-depth = Layers L
label-growth-scale = Weight scale (× He)
growth-scale-hint = At 1, He initialisation: the weights’ standard deviation is √(2/n).
growth-caption =
    The activations’ RMS after each layer, on a log scale: 1 is the input’s size. This is the
    average over networks; one network’s layers scatter around it.
growth-col-size = RMS after L layers
export-growth-png = Save the activations chart as PNG
growth-lab =
    In training the same thing happens to the gradients and the updates: nothing bounds ReLU, so a
    step that is too large can feed on itself until the numbers overflow. The lab’s “Learning rate
    too high” preset shows a run ending that way, and the lab stops it when the loss stops being a
    number.
torch-title = torch.relu and autograd
torch-p-1 =
    In PyTorch, <code>torch.relu(x)</code> returns a new tensor holding <math><mi>max</mi><mo
    stretchy="false">(</mo><mn>0</mn><mo>,</mo><mi>x</mi><mo stretchy="false">)</mo></math> for
    each element of <code>x</code>. If <code>x</code> was created with <code>requires_grad=True</code>,
    autograd records the operation. On the backward pass it receives the <em>upstream gradient</em>
    <math><mfrac><mrow><mo>∂</mo><mi>ℒ</mi></mrow><mrow><mo>∂</mo><mi>y</mi></mrow></mfrac></math>
    of some loss <math><mi>ℒ</mi></math>, and turns it into <math><mfrac><mrow><mo>∂</mo><mi>ℒ</mi></mrow><mrow><mo>∂</mo><mi>x</mi></mrow></mfrac></math>
    by, in effect, multiplying it element by element by ReLU’s derivative: it keeps the upstream
    value where <math><mi>x</mi><mo>&gt;</mo><mn>0</mn></math> (derivative 1) and puts 0 where
    <math><mi>x</mi><mo>≤</mo><mn>0</mn></math> (derivative 0). This step is PyTorch’s <code>threshold_backward</code>, named for what it does: it
    passes the gradient where the input is above a threshold (here 0) and zeroes it elsewhere.
    Because it actually selects rather than multiplies, even an infinite or NaN upstream value
    becomes exactly 0 where <math><mi>x</mi><mo>≤</mo><mn>0</mn></math>.
torch-p-2 =
    Because <code>y</code> is not a single number, <code>backward</code> needs the upstream gradient
    as an argument; passing all ones makes <code>x.grad</code> equal to ReLU’s derivative at each
    element. The <code>grad_fn=&lt;ReluBackward0&gt;</code> in the printout is the record autograd
    keeps of the operation.
torch-p-3 =
    Two details are easy to get wrong, and the article this page grew from gets both wrong. First,
    it leaves out <code>requires_grad=True</code>. Without it autograd records nothing, <code>y</code>
    has no <code>grad_fn</code>, and <code>y.backward(...)</code> fails with <code>RuntimeError:
    element 0 of tensors does not require grad and does not have a grad_fn</code>. Second, it
    calls 0.0 negative. It is not: the gradient at <code>0.0</code> is 0 because PyTorch chooses
    0 at the corner, as explained in the formula section, while the gradient at <code>-1.0</code>
    is 0 because the slope there really is 0.
torch-p-4 =
    Edit the input tensor and the upstream gradient below, and watch <code>y</code> and <code>x.grad</code>
    update.
label-torch-x = Input tensor x
label-torch-grad = Upstream gradient (the argument of y.backward)
torch-hint = Numbers separated by commas or spaces; nan, inf and -inf are allowed.
torch-heading-1 = The same computation in PyTorch
footer-p-1 =
    ReLU Explorer computes every value in your browser with the same rules as PyTorch; nothing
    is sent anywhere.
footer-api = For course authors: the JavaScript API reference, with live examples

lang-label = Language
theme-label = Colours
theme-auto = System
theme-light = Light
theme-dark = Dark
copy-link = Copy link
copy-link-done = Link copied: it opens the page as you see it now.
copy-link-failed = Could not copy. The link in the address bar opens the page as you see it now.
embed-button = Embed
share-title = Embed this part in a course page
share-intro =
    Paste this code into a course page or a learning platform’s HTML editor. It shows this part
    alone, with its current settings, in the language you are reading.
share-file-note =
    This page was opened from a file on this computer, so the code below works only here. To embed
    the part in a course, upload this file to the course or to a website, open it from there and
    copy the code again.
share-code-label = HTML code
share-copy = Copy code
share-close = Close
share-copied = Code copied.
share-copy-failed = Could not copy automatically: the code is selected, press Ctrl+C (⌘C on a Mac).
share-preview = Preview
share-frame-title = ReLU Explorer:{" "}
graph-keys-hint =
    With the graph focused, the arrow keys move x by one step, Page Up and Page Down by a tenth of
    the range, and Home and End to its ends.

## Program text

# The page's title (browser tab, bookmarks, search results).
page_title = ReLU Explorer: the ReLU activation function, interactive
# Option: weights from a normal distribution with standard deviation 1.
init_normal = Normal, std 1
# Option: weights uniform on [−0.5, 0.5].
init_uniform = Uniform ±0.5
# Option: the step function as the lab's task.
task_step = step at 0
# Option: a zigzag as the lab's task.
task_zigzag = zigzag (piecewise linear)
# The page's description for search engines and link previews.
page_description =
    Learn the ReLU activation function by playing with it: its formula and derivative, a live
    graph, why it trains well, dead neurons, and torch.relu.
# Accessible name of the section navigation.
nav_label = Sections
# Text alternative of the graph before its first drawing.
graph_canvas_label = Graph of ReLU(x) and its derivative
# Text alternative of the lab's fit chart before its first drawing.
lab_fit_label = The training targets and the network's prediction
# Text alternative of the lab's unit chart before its first drawing.
lab_units_label = Each first-layer unit's activation over x; dead units in grey
# Text alternative of the lab's dead-share chart before its first drawing.
lab_dead_label = Share of dead units per hidden layer over training steps
# Text alternative of the lab's loss chart before its first drawing.
lab_loss_label = Loss over training steps, log scale
# Accessible name of the lab's strip of units.
lab_strip_label = Every hidden unit, alive or dead
# The graph's title (the article's figure title).
graph_title = ReLU Function and Its Derivative
# The x-axis label.
axis_x = x
# The y-axis label.
axis_y = y
# Legend: ReLU.
relu = ReLU(x)
# Legend: ReLU's derivative.
relu_derivative = Derivative of ReLU(x)
# Legend: Leaky ReLU; `{slope}`.
leaky = Leaky ReLU(x), α = { $slope }
# Legend: Leaky ReLU's derivative.
leaky_derivative = Derivative of Leaky ReLU(x)
# Legend: sigmoid.
sigmoid = sigmoid(x)
# Legend: sigmoid's derivative.
sigmoid_derivative = Derivative of sigmoid(x)
# Legend: tanh.
tanh = tanh(x)
# Legend: tanh's derivative.
tanh_derivative = Derivative of tanh(x)
# Readout shown when x is exactly 0.
at_kink =
    x is exactly 0, the kink: the derivative is undefined here, and PyTorch’s backward pass uses
    0.
# Text alternative of the graph; `{min}`, `{max}`, `{x}`, `{fx}`, `{dfx}`.
graph_alt =
    Graph of ReLU(x) and its derivative for x from { $min } to { $max }. At x = { $x }, ReLU(x)
    = { $fx } and its derivative is { $dfx }.
# Each setting's name, in `Setting::ALL` order, for messages.
setting_names =
    .xmin = x min
    .xmax = x max
    .x = Input x
    .slope = Leaky ReLU slope
    .leaky = Show Leaky ReLU
    .sigmoid = Show sigmoid
    .tanh = Show tanh
    .tx = Input tensor x
    .tg = Upstream gradient
    .act = Lab activation
    .lslope = Lab Leaky ReLU slope
    .lr = Learning rate
    .init = Lab initialisation
    .bias = Lab bias init
    .width = Lab width
    .depth = Lab hidden layers
    .task = Lab task
    .n = Lab data points
    .seed = Lab seed
    .spf = Steps per frame
    .bw = Born-dead width N
    .bd = Born-dead depth L
    .binit = Born-dead initialisation
    .bbias = Born-dead bias init
    .gdepth = Gradient experiment depth L
    .gz = Gradient experiment pre-activation z
    .gspread = Gradient experiment spread
    .gseed = Gradient experiment seed
    .udepth = No-upper-limit experiment layers L
    .uscale = No-upper-limit experiment weight scale
    .speedn = Speed experiment array size
    .smu = Sparsity experiment mean μ
    .ssd = Sparsity experiment standard deviation σ
    .sn = Sparsity experiment inputs drawn
    .sseed = Sparsity experiment seed
    .zrate = Zero-centred experiment learning rate
    .zsteps = Zero-centred experiment steps
    .zseed = Zero-centred experiment seed
    .rtarget = Sum-of-ReLUs target
    .rkinks = Sum-of-ReLUs kinks
    .lang = Language
    .theme = Theme
    .embed = Section shown alone
    .hide = Hidden controls
    .fuzz = Fuzzing
    .fuzzRate = Fuzz events per frame
    .fuzzSeed = Fuzz seed
    .stringTest = String test
# The allowed real numbers; `{min}`, `{max}`.
allowed_real = a number from { $min } to { $max }
# The allowed whole numbers; `{min}`, `{max}`.
allowed_whole = a whole number from { $min } to { $max }
# A number that is not one; `{name}`, `{key}`, `{text}`, `{allowed}`, `{kept}`.
unreadable_number =
    { $name } ({ $key }) = “{ $text }” is not a number; it takes { $allowed }. Kept { $kept }.
# A flag that is not one; `{name}`, `{key}`, `{text}`, `{kept}`.
unreadable_flag = { $name } ({ $key }) = “{ $text }” is not on or off; use 1 or 0. Kept { $kept }.
# A list naming something that is not one of its choices; `{name}`, `{key}`, `{text}` (the
# list), `{entry}` (what it names that is not a choice), `{choices}`, `{kept}`.
unknown_entry = { $name } ({ $key }) = “{ $text }”: “{ $entry }” is not one of { $choices }. Kept { $kept }.
# A link's language in a file that holds one language only (cargo xtask dist's
# relu-explorer_en.html and relu-explorer_zh-CN.html); `{name}`, `{key}`, `{asked}`, `{only}`
# (language tags).
only_language = { $name } ({ $key }) = “{ $asked }”: this file holds the page in { $only } only. Open relu-explorer_{ $asked }.html or relu-explorer.html for { $asked }.
# What a message says was kept when the setting was unset (the browser's language, the system's
# colours, the whole page).
kept_default = the default
# A choice that is not one of them; `{name}`, `{key}`, `{text}`, `{choices}`, `{kept}`.
unreadable_choice = { $name } ({ $key }) = “{ $text }” is not one of { $choices }. Kept { $kept }.
# A number outside its domain; `{name}`, `{key}`, `{value}`, `{allowed}`, `{kept}`.
out_of_bounds =
    { $name } ({ $key }) = { $value } is out of range; it takes { $allowed }. Kept { $kept }.
# A fraction where a whole number is needed; `{name}`, `{key}`, `{value}`, `{allowed}`, `{kept}`.
not_whole =
    { $name } ({ $key }) = { $value } is not a whole number; it takes { $allowed }. Kept { $kept }.
# A text that is too long; `{name}`, `{key}`, `{len}`, `{max}`.
text_too_long =
    { $name } ({ $key }) is { $len } characters long; it takes at most { $max }. Kept the previous
    text.
# x min not below x max; `{min}`, `{max}`, `{kept_min}`, `{kept_max}`.
range_order =
    x min ({ $min }) must be less than x max ({ $max }). The graph keeps the range { $kept_min }
    to { $kept_max }.
# An x range narrower than the minimum; `{min}`, `{max}`, `{span}`, `{kept_min}`, `{kept_max}`.
range_too_narrow =
    The x range { $min } to { $max } is narrower than { $span }, the narrowest the graph shows.
    The graph keeps the range { $kept_min } to { $kept_max }.
# Prefix for problems found in the page's link.
link_prefix = Part of this link was ignored:
# Empty tensor text.
tensor_empty = it is empty; type at least one number, such as -1.0, 0.0, 1.0, 2.0.
# Empty entry; `{position}`.
tensor_missing = entry { $position } is empty (two commas in a row?).
# Entry not a number; `{position}`, `{text}`.
tensor_not_number =
    entry { $position }, “{ $text }”, is not a number (use digits, or nan, inf, -inf).
# Entry overflows float32; `{position}`, `{text}`.
tensor_overflow =
    entry { $position }, { $text }, is too large for float32 (the largest is about 3.4e38); type
    inf if you mean infinity.
# Too many entries; `{len}`, `{max}`.
tensor_too_long = it has { $len } entries; the panel takes at most { $max }.
# Input and gradient lengths differ; `{x}`, `{grad}`.
tensor_lengths =
    x has { $x } entries but the gradient has { $grad }: backward needs one upstream gradient
    per entry of y.
# Which field a tensor message is about: the input.
field_x = Input tensor x
# Which field a tensor message is about: the gradient.
field_grad = Upstream gradient
# Appended to a refused entry's message.
keeping_last = Showing the last good result.
# Lab chart title: targets and prediction.
lab_fit_title = Targets (dots), prediction and its kinks (rings)
# Lab chart title: first-layer units.
lab_units_title = First-layer units over x (dead in grey)
# Lab chart title: dead share per layer.
lab_dead_title = Share of dead units per layer
# Lab chart title: loss.
lab_loss_title = Loss (log scale)
# Lab status; `{step}`, `{loss}`, `{dead}`, `{units}`.
lab_status = Step { $step }: loss { $loss }; { $dead } of { $units } hidden units dead.
# Lab status with Leaky ReLU; `{step}`, `{loss}`, `{dead}`, `{units}`.
lab_status_leaky =
    Step { $step }: loss { $loss }; { $dead } of { $units } hidden units are below zero on every
    input, yet still learning through the leak.
# Lab status before the first step; `{dead}`, `{units}`.
lab_status_fresh = Step 0: { $dead } of { $units } hidden units dead before any training.
# Message when training diverged; `{step}`.
lab_diverged =
    Training diverged at step { $step }: the loss is no longer a finite number (the learning rate
    is too large for this network). Training has stopped; reset to start again.
# A strip layer's label; `{layer}`, `{dead}`, `{units}`.
lab_strip_layer = Layer { $layer }: { $dead } of { $units } dead
# A strip layer's label with Leaky ReLU; `{layer}`, `{dead}`, `{units}`.
lab_strip_layer_leaky = Layer { $layer }: { $dead } of { $units } in the leak
# The gradient-through-depth chart's legend, one entry per activation.
depth_legend =
    .relu = ReLU
    .leaky = Leaky ReLU (0.01)
    .sigmoid = sigmoid
    .tanh = tanh
# Gradient-through-depth chart title.
depth_chart_title = Gradient left after each layer (log scale)
# Its text alternative; `{depth}`, `{relu}`, `{leaky}`, `{sigmoid}`, `{tanh}`.
depth_alt =
    Chart of the gradient left after each of { $depth } layers: ReLU keeps { $relu } of it, Leaky
    ReLU { $leaky }, sigmoid { $sigmoid } and tanh { $tanh }.
# Why ReLU keeps all of it.
depth_whole = Every unit on the path is active, and ReLU’s derivative there is exactly 1.
# Why ReLU keeps none; `{layer}`.
depth_cut =
    The unit in layer { $layer } is inactive (z ≤ 0): its derivative is 0, so nothing flows back
    past it.
# Why Leaky ReLU keeps less; `{layers}`, `{depth}`, `{slope}`.
depth_leak =
    Layers in the leak: { $layers } of { $depth }. There the derivative is { $slope } instead of
    1: smaller, never 0.
# Sigmoid's best case; `{power}` (0.25 to the depth), `{bound}`.
depth_sigmoid =
    Sigmoid’s derivative is at most 0.25, so at best { $power } = { $bound } is left.
# Why tanh keeps less.
depth_tanh = tanh’s derivative is 1 only at z = 0 and falls fast away from it.
# Appended where float32 loses the gradient; `{layer}`.
depth_f32 = In float32, PyTorch’s default, this product is already 0 from layer { $layer }.
# A prediction judged right.
predict_right = Right.
# A prediction judged wrong.
predict_wrong = Not quite.
# Check pressed with no answer chosen.
predict_missing = Choose an answer first, then check it.
# Why, after the depth question is checked; `{local}` (σ′(0.5)), `{layers}`, `{power}`, `{value}`.
depth_predict_why =
    At z = 0.5 each sigmoid layer keeps σ′(0.5) ≈ { $local } of the gradient, so { $layers } layers
    leave { $power } ≈ { $value }, far less than 0.001; even at its best (z = 0) sigmoid keeps at
    most 0.25 a layer. The chart now shows this case: ReLU’s active path keeps all of it, 1.
# The growth chart's legend title.
growth_chart_title = Activations’ RMS after each layer (log scale)
# Its text alternative; `{depth}`, `{scale}`, `{relu}`, `{leaky}`, `{sigmoid}`, `{tanh}`.
growth_alt =
    Line chart of the activations’ RMS over { $depth } layers at { $scale } times He’s scale, on a
    log scale: after the last layer, ReLU { $relu }, Leaky ReLU { $leaky }, sigmoid { $sigmoid },
    tanh { $tanh }.
# Why ReLU or Leaky ReLU grows as it does; `{factor}` per layer, `{depth}`, `{power}`.
growth_linear = Multiplied by { $factor } at every layer, so { $power } after { $depth } layers.
# Why sigmoid stays bounded.
growth_sigmoid = Bounded: sigmoid’s outputs lie between 0 and 1, whatever the weights.
# Why tanh stays bounded.
growth_tanh = Bounded: tanh’s outputs lie between −1 and 1, whatever the weights.
# Why, after the growth question is checked; `{layers}`, `{scale}`, `{power}`, `{value}`.
growth_predict_why =
    ReLU passes half of a symmetric input’s mean square, and the weights multiply it by 2 × { $scale }²,
    so each layer multiplies the RMS by exactly { $scale }: after { $layers } layers, { $power } ≈
    { $value }. The chart now shows this case; only at He’s scale, 1, does it stay level.
# The speed chart's title (also its accessible name before a run).
speed_chart_title = Time per element (ns, log scale)
# The speed chart's labels under each group of bars, one per kernel.
speed_kernels =
    .relu = ReLU
    .relu-fb = ReLU f+b
    .sigmoid = sigmoid
    .sigmoid-fb = sigm. f+b
    .tanh = tanh
    .tanh-fb = tanh f+b
# The speed chart's legend: filled bars.
speed_engine_wasm = WebAssembly
# The speed chart's legend: outlined bars.
speed_engine_js = JavaScript
# The speed chart's dashed line, followed by its time.
speed_copy = copy
# The speed chart's y axis.
speed_unit = ns per element
# The speed chart's text alternative after a run.
speed_alt =
    Time per element over arrays of { $size } elements, in nanoseconds. Copy: { $copy }. ReLU:
    { $relu } in WebAssembly, { $relu_js } in JavaScript. Sigmoid: { $sigmoid } and { $sigmoid_js }.
    Tanh: { $tanh } and { $tanh_js }.
# The speed chart's text alternative before any run.
speed_alt_empty = Time per element: no measurement yet. Press Run the measurement.
# The speed experiment's status while it runs (announced once).
speed_running = Measuring…
# The speed experiment's status when a run ends: `{size}`, `{seconds}`.
speed_done = Measured at { $size } elements in { $seconds } s.
# The speed experiment's status after Cancel.
speed_cancelled = Cancelled. The arrays are freed.
# Why a speed run could not run: `{reason}` is the module's explanation, in English.
speed_failed = The measurement could not run on this device: { $reason }.
# The verdict's explanation, with the measured ratio `{ratio}`.
speed_predict_why =
    Here sigmoid’s forward pass took { $ratio } times as long as ReLU’s. The exponential costs tens
    of operations per element; ReLU’s comparison, four elements at a time, is so cheap that moving
    the data costs more than computing it.
# The verdict while the measurement it waits for runs.
speed_predict_wait = Measuring; the verdict follows when the run ends…
# Accessible name of the speed table, which scrolls sideways on a narrow screen.
speed_table_label = Speed of each function per element
# Closed-form born-dead chance (the formula is in the page): `{share}`.
born_closed = { $share }
# Monte Carlo born-dead share; `{share}`, `{dead}`, `{trials}`, `{low}`, `{high}`.
born_monte_carlo =
    { $share } ({ $dead } of { $trials } networks; 95% interval { $low } to { $high })
# Shown before the first batch of the survey.
born_running = Initialising networks…
# The walk-through's position; `{n}`, `{of}`.
neuron_stage = Stage { $n } of { $of }
# One caption per walk-through stage, in `Stage::ALL` order; placeholders `{w}`, `{b}`, `{loss}`, `{dw}`, `{db}`, `{open}`, `{points}`, `{slope}`, and where a stage took steps, `{lr}`, `{steps}`, `{w0}`, `{b0}`, `{dw0}`, `{db0}`, `{first}`.
neuron_captions =
    .healthy =
        A healthy ReLU neuron: w = { $w }, b = { $b }. Its gate is open (z > 0) on { $open } of the
        { $points } points, and the mean squared error is { $loss }.
    .backward =
        Backward: the loss sends ∂L/∂a = (2/n)(a − y) to every point. The ReLU gate passes it where
        z > 0 (local gradient 1) and stops it where z ≤ 0 (exactly 0). Summing ∂L/∂z·x and ∂L/∂z gives
        ∂L/∂w = { $dw } and ∂L/∂b = { $db }.
    .big_step =
        One SGD step with a learning rate of { $lr }, far too large: w ← w − { $lr }·({ "{" }dw0{
        "}" }) and b ← b − { $lr }·({ "{" }db0{ "}" }). The bias overshoots from { "{" }b0{ "}" }
        to { $b }.
    .dead =
        Now z = w·x + b ≤ 0 at every point: every gate is closed, every ∂L/∂z is exactly 0, so ∂L/∂w
        = { $dw } and ∂L/∂b = { $db }. The neuron is dead.
    .still_dead =
        { $steps } more steps at a learning rate of { $lr }: w = { $w } and b = { $b }, bit for bit
        the same as before. No gradient will ever reach this neuron again.
    .leaky =
        The same w and b under Leaky ReLU (slope { $slope }): the gates are still closed, but each
        passes { $slope } of the gradient, so ∂L/∂w = { $dw } and ∂L/∂b = { $db }: small, and not
        zero.
    .revived =
        { $steps } steps at a learning rate of { $lr } under Leaky ReLU: a gate reopens at step {
        $first }, and the neuron fits the data again: w = { $w }, b = { $b }, loss { $loss }.
# One sentence per preset, in `Preset::ALL` order.
lab_presets =
    .healthy =
        A healthy run: He initialisation and a small learning rate. Watch the loss fall while almost
        every unit stays alive.
    .high-lr =
        The learning rate is ten times too large: the first big updates throw most units off the data,
        and they never come back. Watch the dead share jump and stay, and the prediction stall.
    .negative-bias =
        Every bias starts at −1, so many units are ≤ 0 on every input from the first step: dead before
        training begins. The few that live do all the work.
    .leaky-rescue =
        The same violent learning rate with Leaky ReLU (slope 0.3): units still get knocked below
        zero, but their negative side keeps a gradient, so they keep learning and climb back: the
        count goes down as well as up. Switching Activation to Leaky ReLU during a ReLU run keeps
        the weights and does the same.
    .narrow-deep =
        Two units per layer, three layers: a whole layer is dead from the start, so the output is
        the same for every input and the loss cannot fall below that of a flat line.
# The lab's preset note before any preset is chosen.
lab_preset_hint =
    Pick a preset: it starts a run at once, and this line then says what to watch for.
# Text alternative of the lab's fit chart when its kinks cannot be found (a diverged run); { $step }.
lab_fit_alt = Training targets (dots) and the network's prediction (line) after { $step } steps.
# Text alternative of the lab's fit chart; { $step }, { $kinks } (rings on the line), { $first }
# (how many of them are a first-layer unit's x = −b/w).
lab_fit_alt_kinks =
    Training targets (dots) and the network's prediction (line) after { $step } steps. The line
    bends at { $kinks } points (rings); at { $first } of them a first-layer unit switches on or off.
# Text alternative of the lab's unit chart; { $units }, { $dead }.
lab_units_alt =
    The activation of each of the { $units } first-layer units over x; { $dead } of them are dead,
    drawn in grey.
# Text alternative of the lab's dead-share chart; { $step }, { $shares } (lab_dead_alt_layer
# entries joined by list_separator).
lab_dead_alt = Share of dead units in each hidden layer over { $step } steps; now { $shares }.
# One layer's share in lab_dead_alt; { $layer }, { $share }.
lab_dead_alt_layer = layer { $layer }: { $share }
# Text alternative of the lab's loss chart; { $step }, { $loss }.
lab_loss_alt = Loss over { $step } training steps, on a log scale; now { $loss }.
# Text alternative of the lab's loss chart before the first step.
lab_loss_alt_fresh = Loss over training steps, on a log scale: empty until the first step.
# What separates the items of a list inside a sentence.
list_separator = {", "}
# Accessible name of the walk-through's table, which scrolls sideways on a narrow screen.
neuron_table_label = Every number of the forward and backward pass
# The walk-through table's gate column, for a point the ReLU gate passes (z > 0).
neuron_gate_open = open
# The walk-through table's gate column, for a point the gate blocks (z ≤ 0).
neuron_gate_closed = closed

## The "sum of ReLUs" builder (strengths, under strengths-heading-3)

relusum-heading = Try it: build a curve from ReLUs
relusum-intro =
    A network with one input and one hidden layer of ReLU units computes
    <em>c</em> + Σ <em>a</em><sub>i</sub>·relu(±(<em>x</em> − <em>k</em><sub>i</sub>)): each unit
    is a straight line that switches on at its kink <em>k</em> = −<em>b</em>/<em>w</em>, to the right
    or to the left, and the sum bends there and nowhere else. Place the kinks; the page finds the
    best output weights <em>a</em><sub>i</sub> and bias <em>c</em> for them (least squares) and
    shows how far the sum is from the target.
relusum-predict-question =
    How many ReLU units does it take to draw the triangle (0 outside [−1, 1], rising to 1 at 0)
    exactly?
relusum-predict-one = 1
relusum-predict-two = 2
relusum-predict-three = 3
relusum-predict-never = It can’t be drawn exactly
label-relusum-target = Target
relusum-add-right = Add a unit on to the right
relusum-add-left = Add a unit on to the left
relusum-remove = Remove the selected unit
label-relusum-units = Units:
label-relusum-mse = Mean squared error:
relusum-caption =
    The target (wide grey line), the best sum of your units (blue) and each unit’s own term
    (thin grey). Each kink is a numbered handle on the x axis: drag it, or focus the chart and
    use ↑ and ↓ to pick a unit, ← and → to move it (Shift for small steps), Home and End for the
    ends, and Delete to remove it.
export-relusum-png = Save the sum-of-ReLUs chart as PNG
relusum-table-caption = The best weights for your kinks
relusum-col-unit = Unit
relusum-col-kink = Kink k
relusum-col-side = On
relusum-col-coefficient = Weight a
relusum-constant = Constant c (the output bias)
relusum-network =
    This is why a ReLU network is piecewise linear, and why a smooth curve such as the sine is
    only ever approached: every unit adds one kink, so more units buy a closer fit but never a
    curve. Training (as in the lab below) moves the kinks as well as the weights.
# The builder chart's title (also its accessible name before it is drawn).
relusum_chart_title = Target and the best sum of ReLUs
# The builder chart's legend: the target curve.
relusum_legend_target = target
# The builder chart's legend: the fitted sum.
relusum_legend_sum = sum of ReLUs
# The builder chart's legend: a unit's kink.
relusum_legend_kink = kink
# The |x| target's name, in the builder's target list and text alternative.
relusum_target_abs = |x|
# The triangle target's name, in the builder's target list and text alternative.
relusum_target_hat = the triangle
# The sine target's name, in the builder's target list and text alternative.
relusum_target_sine = sin(πx/2)
# Accessible name of the builder's table, which scrolls sideways on a narrow screen.
relusum_table_label = The best weights for your kinks, unit by unit
# The side a unit is on, in the builder's table and status line.
relusum_side_right = right
# The side a unit is on, in the builder's table and status line.
relusum_side_left = left
# The builder chart's text alternative; `{target}`, `{units}`, `{kinks}` (list_separator
# between), `{mse}`.
relusum_alt =
    Chart of { $target } on −2 to 2 and the best sum of { $units } ReLU units, with kinks at
    { $kinks }; mean squared error { $mse }.
# The same with one unit; `{target}`, `{kink}`, `{mse}`.
relusum_alt_one =
    Chart of { $target } on −2 to 2 and the best single ReLU unit plus a constant, with its kink
    at { $kink }; mean squared error { $mse }.
# The same with no unit: the fit is a constant; `{target}`, `{mse}`.
relusum_alt_none =
    Chart of { $target } on −2 to 2 and, with no ReLU unit yet, the best constant; mean squared
    error { $mse }.
# The builder's status line after a change, with no unit selected; `{units}`, `{mse}`.
relusum_status = { $units } units; mean squared error { $mse }.
# The same with one unit; `{mse}`.
relusum_status_one = 1 unit; mean squared error { $mse }.
# The builder's status line with a unit selected; `{unit}`, `{kink}`, `{side}`, `{mse}`.
relusum_status_unit = Unit { $unit }: kink at { $kink }, on to the { $side }; mean squared error { $mse }.
# Why, after the builder's question is checked; `{units}`.
relusum_predict_why =
    The triangle bends at −1, 0 and 1, and only a unit’s kink can bend the sum, so it needs a
    unit at each: { $units } units, relu(x + 1) − 2·relu(x) + relu(x − 1), with no constant.
    The chart now shows them, and the error is 0. (|x| bends once yet needs 2: try it.)
# A refused list of kinks with too many entries; `{name}`, `{key}`, `{text}`, `{got}`, `{max}`,
# `{kept}`.
relusum_too_many =
    { $name } ({ $key }) = “{ $text }” lists { $got } units; the builder takes at most { $max }.
    Kept { $kept }.
# A refused entry of a list of kinks; `{name}`, `{key}`, `{text}`, `{position}`, `{entry}`, `{kept}`.
relusum_bad_entry =
    { $name } ({ $key }) = “{ $text }”: entry { $position }, “{ $entry }”, is not a kink; write a
    number from −2 to 2 followed by r (on to the right) or l (on to the left), such as 0.5r.
    Kept { $kept }.
# A kink outside the range; `{name}`, `{key}`, `{text}`, `{position}`, `{value}`, `{kept}`.
relusum_out_of_range =
    { $name } ({ $key }) = “{ $text }”: entry { $position }’s kink, { $value }, is outside the
    range from −2 to 2. Kept { $kept }.
# What a refused list of kinks keeps when it was empty.
relusum_no_units = no units
