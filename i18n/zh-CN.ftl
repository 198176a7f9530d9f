### ReLU 探索器，简体中文：页面上显示的每一个字。
###
### 结构与 en.ftl 相同：每个 id 都必须在两个文件中出现，占位符 { $name } 与列表条目保持一致。
### 带连字符的 id 是页面正文（可含 em、strong、code、a 和 MathML），由 i18n/page.html 放置；
### snake_case 的 id 是程序文本（纯文本），由 Rust 代码在运行时写出。

## Page text

skip-link = 跳转到图像
page-name = ReLU 探索器
page-tagline = 看看修正线性单元如何工作、为什么容易训练，以及它会在哪里失灵。
page-intro =
    ReLU 是<em>修正线性单元</em>（rectified linear unit）的缩写，是一种激活函数，也就是神经网络对每个单元的加权和所施加的那条简单的非线性规则。它让正
    输入原样通过，把其余所有输入都变为零；仅凭这一条规则，它就成了深度学习中使用最广泛的激活函数之一。在本页中，你可以阅读它的公式，沿着它的图像移动，通过实时实验考察它的优点与不足，并
    观察 PyTorch 的自动求导（autograd）如何处理它。
header-item-1 = <a href="#formula">公式</a>
header-item-2 = <a href="#graph">图像</a>
header-item-3 = <a href="#strengths">优点</a>
header-item-4 = <a href="#weaknesses">不足</a>
noscript-note = 本页的交互部分需要 JavaScript 和 WebAssembly。
formula-title = 公式
formula-p-1 = ReLU 保持正输入不变，并把其他任何输入都替换为零：
math-if = 若
formula-p-2 = 同一条规则也可以写成一行：
formula-p-3 =
    它的图像由两段在原点相接的直线组成：输入为负时是一段贴着零的水平线，输入为正时是直线 <math><mi>y</mi><mo>=</mo><mi>x</mi></math>。每一段
    都是线性的，但两段之间的折弯使整个函数成为非线性函数；正是这一点，使由这类单元组成的网络能够表示比单个线性映射更多的东西。
formula-p-4 = 求导时，对每一段分别处理：<math><mi>x</mi></math> 的斜率为 1，常数 0 的斜率为 0。
math-undefined = 未定义
formula-heading-1 = 在 <math><mi>x</mi><mo>=</mo><mn>0</mn></math> 处会发生什么
formula-p-5 =
    两段直线在原点处相交，形成一个尖角。从左侧趋近时斜率为 0，从右侧趋近时斜率为 1。由于左右两个单侧斜率不相等，该点不存在唯一的切线，因此恰好在 <math><mi>x</mi><mo>=</mo><mn>0</mn></math>
    处的导数是未定义的。
formula-p-6 =
    但用梯度下降训练时，这里仍然需要一个数。介于两个单侧斜率之间的任意斜率 <math><mi>g</mi></math>，即任意 <math><mi>g</mi><mo>∈</mo><mo
    stretchy="false">[</mo><mn>0</mn><mo>,</mo><mn>1</mn><mo stretchy="false">]</mo></math>，都给
    出一条经过尖角、且始终不高于图像的直线 <math><mi>y</mi><mo>=</mo><mi>g</mi><mi>x</mi></math>，因此每个这样的 <math><mi>g</mi></math>
    都是一个合法的<em>次梯度</em>，程序库可以从中任选一个。PyTorch 选择 0：<code>torch.relu</code> 的反向传播对恰好为 <code>0.0</code>
    的输入给出梯度 0。
formula-p-7 =
    这个选择通常无关紧要。ReLU 的输入是实数数据的加权和，恰好落在 <code>0.0</code> 上的情况并不常见。不过这种情况确实会发生，例如：对前一个 ReLU 已经截断为
    0 的值再施加 ReLU，或者一个偏置为零的单元收到的输入全都恰好为 0。因此，这个约定仍然值得了解。它解释了：为什么下文 PyTorch 示例中的 <code>x.grad</code>
    在 <code>0.0</code> 处显示为 0；为什么用 <code>x &gt;= 0</code> 而不是 <code>x &gt; 0</code> 做判断的代码在这一点
    上会得到不同的梯度；以及为什么数值梯度检验在尖角处会与自动求导的结果不一致——中心差分 <math><mfrac><mrow><mi>f</mi><mo stretchy="false">(</mo><mi>h</mi><mo
    stretchy="false">)</mo><mo>−</mo><mi>f</mi><mo stretchy="false">(</mo><mrow><mo>−</mo><mi>h</mi></mrow><mo
    stretchy="false">)</mo></mrow><mrow><mn>2</mn><mi>h</mi></mrow></mfrac></math> 在该处给出 0.5。
graph-title = 图像
graph-p-1 =
    下图在同一坐标系中画出了 ReLU 及其导数：ReLU 是一条在原点处弯折的折线，其导数则是两段水平线：<math><mi>x</mi></math> 为负时为 0，为正时为 1，两段之间没有连线——在 <math><mi>x</mi><mo>=</mo><mn>0</mn></math>
    处它直接跳变，不取中间的任何值。两者都为 0 的地方，导数是 ReLU 下方较宽的那条线。用滑块移动输入 <math><mi>x</mi></math>，或在图上点击并拖动，即可在两条曲线上标出该点，并读出 <math><mi>f</mi><mo stretchy="false">(</mo><mi>x</mi><mo
    stretchy="false">)</mo></math> 和 <math><mi>f</mi><mo>′</mo><mo stretchy="false">(</mo><mi>x</mi><mo
    stretchy="false">)</mo></math>。然后还可以叠加 Leaky ReLU、sigmoid 或 tanh，把它们的形状和斜率与 ReLU 进行比较。
graph-caption-1 = 在图上拖动或点击即可移动 x。x = 0 处的实心点表示 PyTorch 在该点采用的导数（0）；空心点表示紧靠其右侧的斜率（1）。
export-graph-png = 将图像保存为 PNG
export-graph-csv = 将采样数据保存为 CSV
graph-legend-1 = 输入
graph-table-caption-1 = x 处的函数值
graph-column-1 = 函数
kink-note = x 恰好为 0，即拐点：此处导数未定义，PyTorch 的反向传播在此处取 0。
graph-legend-2 = x 范围
label-x-min = x 最小值
label-x-max = x 最大值
graph-legend-3 = 对比
label-leaky-slope = 斜率 α
graph-p-2 = PyTorch 中 Leaky ReLU 的默认斜率为 0.01；这里的滑块从 0.1 开始，以便看清泄露部分。
primer-heading = 先说说：网络是怎么学习的
primer-p-1 = 网络通过调整权重来让一个数变小，这个数就是<em>损失</em>：它衡量网络的输出离<em>目标</em>（网络应当给出的答案）有多远。本页使用差值平方的平均值。调整的工作由<em>梯度下降</em>完成：它为每个权重求出<em>梯度</em>，即这个权重增大时损失增长得有多快，然后把权重朝相反方向移动一小步（<em>学习率</em>乘以它的梯度）。一步接一步，损失就降下来了。
primer-p-2 = <em>反向传播</em>利用链式法则，通过一次从后往前的计算求出所有这些梯度。下面是只有一个输入的单个单元：前向时，输入一步步变成损失；反向时，每一步都接收损失对它自身输出的梯度（即<em>上游梯度</em>），乘以自己的局部导数，再往前传。
primer-forward = 前向，从左到右：输入、加权求和（仿射变换）、ReLU、损失。
primer-backward = 反向，从右到左：每个梯度都是上游梯度乘以一个局部导数。
primer-caption = 权重为 w、偏置为 b、目标为 t 的单个单元；L 是它的损失。
primer-p-3 = ReLU 的局部导数在 <math><mi>z</mi><mo>&gt;</mo><mn>0</mn></math> 处为 1，其余处为 0，所以它要么把上游梯度原样传下去，要么把它截断。后文讲到的优点和缺点，大多都源于这一点。
strengths-title = ReLU 为什么好用
strengths-p-1 = 几条简单的性质解释了为什么 ReLU 成为众多网络的默认选择。每条性质都配有一个你可以亲手运行的小实验。
strengths-heading-1 = 梯度经过激活的单元时不会衰减
strengths-p-2 =
    对于正输入，ReLU 就是恒等函数，因此无论输入多大，它在那里的导数都恰好是 1。sigmoid 和 tanh 则不同：它们会变得平坦（即<em>饱和</em>），在 <math><mo
    stretchy="false">|</mo><mi>x</mi><mo stretchy="false">|</mo></math> 很大的区域，导数趋近于 0，被推到平坦尾部的
    单元几乎学不到东西。网络越深，问题越严重。反向传播经过 <math><mi>L</mi></math> 层时，每一层都要乘上一个激活函数的导数（链式求导法则）。sigmoid 的导
    数至多为 <math><mfrac><mn>1</mn><mn>4</mn></mfrac></math>，所以这个乘积至多为 <math><msup><mrow><mo stretchy="false">(</mo><mfrac><mn>1</mn><mn>4</mn></mfrac><mo
    stretchy="false">)</mo></mrow><mi>L</mi></msup></math>，当 <math><mi>L</mi><mo>=</mo><mn>10</mn></math>
    时还不到百万分之一。tanh 的导数至多为 1，且只在 <math><mi>x</mi><mo>=</mo><mn>0</mn></math> 处取到，通常要小得多。而沿着一条由处
    于激活状态的 ReLU 单元组成的路径，这些因子每一个都恰好是 1。
strengths-p-3 =
    但这并不能保证不出现梯度消失或梯度爆炸。链式求导法则在每一层还要乘上权重，权重仍可能使乘积缩小或急剧增大；而经过未激活单元（输入 <math><mo>≤</mo><mn>0</mn></math>）
    的路径则完全不传递梯度。
depth-heading = 动手试试：经过 L 层之后还剩多少梯度
depth-intro = 反向传播每经过一层，都会把梯度乘以激活函数在该层预激活值 <math><mi>z</mi></math> 处的导数。选择深度和 <math><mi>z</mi></math>，或者给 <math><mi>z</mi></math> 一个离散程度，让它逐层变化，然后比较各个激活函数能让多少梯度通过。
predict-legend = 先猜一猜
depth-predict-question = 设每一层的 z 都是 0.5（单元处于激活状态）。经过 10 层 sigmoid 之后，剩下的梯度比 0.001 大还是小？
depth-predict-bigger = 比 0.001 大
depth-predict-smaller = 比 0.001 小
predict-check = 核对，并画出来
label-grad-depth = 深度 L
label-grad-z = 预激活值 z
label-grad-spread = z 的离散程度
grad-redraw = 重新随机生成 z
depth-caption = 每一层之后剩下的梯度比例（对数坐标）：最上方的 1 表示全部保留。叉号标出未激活的 ReLU 单元切断路径的位置。
depth-col-activation = 激活函数
depth-col-left = 经过 L 层后剩下
depth-col-note = 原因
depth-name-relu = ReLU
depth-name-leaky = Leaky ReLU（斜率 0.01）
depth-name-sigmoid = sigmoid
depth-name-tanh = tanh
export-depth-png = 将梯度图表保存为 PNG
strengths-heading-2 = 计算开销小
strengths-p-5 =
    ReLU 只需要一次比较：若 <math><mi>x</mi></math> 为正就保留它，否则输出 0。它的导数同样廉价，也只是一次比较。sigmoid 函数 <math><mfrac><mn>1</mn><mrow><mn>1</mn><mo>+</mo><msup><mi>e</mi><mrow><mo>−</mo><mi>x</mi></mrow></msup></mrow></mfrac></math>
    和 tanh 函数都需要计算指数，每个元素要多花许多次运算。网络在前向传播和反向传播中，都要对每个样本的每个单元施加激活函数，因此节省下来的开销会不断累积；不过，它能让整个网络提速
    多少取决于硬件，因为大部分时间通常花在计算加权和上。
speed-heading = 动手试试：在这台设备上为 ReLU、sigmoid 和 tanh 计时
speed-intro = 页面对每个函数在 float32 数组（其中一半为负数）上计时，分别测前向传播和前向加反向传播，一次在它的 WebAssembly 模块里，一次用普通的 JavaScript 循环处理同样的数组；同时也为复制这个数组计时。复制对每个元素恰好读一次、写一次，这是任何写出新数组的计算的最低代价：它就是内存的速度上限。
speed-predict-question = sigmoid 需要一次指数运算，ReLU 只需一次比较。在这台设备上、在 WebAssembly 中，sigmoid 的前向传播比 ReLU 的慢多少倍？先选择，再点“核对”：页面会实际测量并告诉你。
speed-predict-under2 = 不到 2 倍
speed-predict-2to10 = 2 到 10 倍
speed-predict-over10 = 超过 10 倍
speed-check = 核对（会进行测量）
export-speed-png = 将速度图保存为 PNG
speed-caption = 每个元素所用的纳秒数，对数刻度：实心条为 WebAssembly，空心条为 JavaScript；虚线是复制。越低越快。
label-speed-size = 每个数组的元素个数
speed-size-hint = K = 1024，M = 1024²。共有四个这样大小的数组（每个元素 16 字节：1M 时为 16 MB，16M 时为 256 MB）。从 4M 起它们就装不进处理器的缓存了，速度由内存决定。
speed-run = 开始测量
speed-cancel = 取消
label-speed-progress = 进度
speed-table-caption = 每个元素的纳秒数（7 个样本的中位数）
speed-col-kernel = 函数
speed-col-wasm = WebAssembly
speed-col-js = JavaScript
speed-col-ratio = JS ÷ WebAssembly
speed-col-copy = WebAssembly ÷ 复制
speed-name-copy = 复制（Float32Array.set）
speed-name-relu = ReLU
speed-name-relu-fb = ReLU，前向 + 反向
speed-name-sigmoid = sigmoid
speed-name-sigmoid-fb = sigmoid，前向 + 反向
speed-name-tanh = tanh
speed-name-tanh-fb = tanh，前向 + 反向
speed-method = <strong>测量方法。</strong>对每一行，页面先在一小段数据上运行该函数，并不断把工作量加倍，直到一次运行达到半毫秒（这也让 JavaScript 编译器完成预热）；然后把每个样本的工作量定为约 4 毫秒，再丢弃一个预热样本，最后报告 7 个样本的中位数，这样一次偶然的打断不会影响结果。它每一帧只工作几毫秒，所以页面始终能及时响应。WebAssembly 中的 ReLU 使用 SIMD，一条指令处理四个元素：<code>f32x4.pmax(x, 0)</code> 的定义就是 <code>x &lt; 0 ? 0 : x</code>，与 PyTorch 的 ReLU 完全一致，包括 NaN 和 −0。sigmoid 和 tanh 以双精度计算 <math><mn>1</mn><mo>/</mo><mo>(</mo><mn>1</mn><mo>+</mo><msup><mi>e</mi><mrow><mo>−</mo><mi>x</mi></mrow></msup><mo>)</mo></math> 和 tanh，再一次性舍入为 float32：在 WebAssembly 中用 Rust 的 <code>libm</code>（移植自 musl），在 JavaScript 中用浏览器的 <code>Math.exp</code> 和 <code>Math.tanh</code>。这里的每个数字都来自这台设备，并受它同时在做的其他事情影响：再测一次，时间会略有变化，比值的变化则小得多。
strengths-heading-3 = 像神经元一样的阈值，以及稀疏激活
strengths-p-7 =
    ReLU 保留了早期阶跃函数（step 函数）背后的生物学启发：神经元在输入超过阈值之前保持静默，超过之后才会激活。阶跃函数在其有定义的地方斜率处处为 0；ReLU 则不同，它在阈
    值以上的斜率为 1，因此基于梯度的学习仍然能够调整这个单元。由此带来的一个副产品是<em>稀疏性</em>：对于给定的输入，凡是预激活值 <math><mo>≤</mo><mn>0</mn></math>
    的单元，输出都恰好为 0，所以一层中往往有很大一部分单元是静默的（如果预激活值关于 0 对称分布，大约是一半）。不同的输入会开启不同的单元子集，因此网络实际上在输入空间的每个区域中
    施加一个不同的仿射映射（线性映射加上一个偏移）。
strengths-p-8 = 静默单元所占的比例取决于预激活值落在哪里。一个单元的预激活值是许多加权输入之和，所以在大量样本上它往往近似服从正态分布。下面的实验从正态分布中抽取输入，均值 μ 和标准差 σ 由你选择，然后统计 ReLU 把其中多少变成了恰好为 0 的输出。
sparsity-heading = 动手试试：有多少输出恰好为零？
sparsity-intro = 输入 x 从均值为 μ、标准差为 σ 的正态分布中抽取，再经过 ReLU。上方的直方图显示输入，下方的直方图在同一坐标轴上显示 ReLU 的输出：正的输入原样通过，而所有小于或等于 0 的输入都落到恰好为 0 的一根尖峰上。
sparsity-predict-question = 输入来自均值 μ = −1、标准差 σ = 1 的正态分布。ReLU 的输出中有多大比例恰好为 0？
sparsity-predict-under20 = 不到 20%
sparsity-predict-half = 大约一半（20% 到 80%）
sparsity-predict-over80 = 超过 80%
label-sparsity-mean = 均值 μ
label-sparsity-std = 标准差 σ
label-sparsity-samples = 抽取的输入个数
sparsity-redraw = 重新抽取
sparsity-caption = 上方是输入，下方是同一坐标轴上 ReLU 的输出。柱子的高度是落在该区间内的输入所占的比例；虚线是 x = 0。恰好为 0 的尖峰紧挨在虚线左侧，并标出它的比例；它比图表还高时，顶部附近的一道缺口表示它被截断了。
export-sparsity-png = 将直方图保存为 PNG
sparsity-col-quantity = 量
sparsity-col-measured = 本次抽样
sparsity-col-theory = 理论值
sparsity-row-zeros = 恰好为 0 的输出
sparsity-row-mean-in = 输入的均值
sparsity-row-mean-out = 输出的均值
sparsity-theory =
    理论上，当且仅当输入不大于 0 时输出为 0，其概率为
    <math><mi>P</mi><mo stretchy="false">(</mo><mi>x</mi><mo>≤</mo><mn>0</mn><mo stretchy="false">)</mo><mo>=</mo><mi>Φ</mi><mo stretchy="false">(</mo><mo>−</mo><mi>μ</mi><mo>/</mo><mi>σ</mi><mo stretchy="false">)</mo></math>，
    其中 Φ 是标准正态分布函数。输出的均值为
    <math><mi>μ</mi><mi>Φ</mi><mo stretchy="false">(</mo><mi>μ</mi><mo>/</mo><mi>σ</mi><mo stretchy="false">)</mo><mo>+</mo><mi>σ</mi><mi>φ</mi><mo stretchy="false">(</mo><mi>μ</mi><mo>/</mo><mi>σ</mi><mo stretchy="false">)</mo></math>
    （φ 是标准正态密度）：对任何 μ 和 σ 它都大于 0，因为 ReLU 从不输出负数，所以它的输出不是以0为中心的，下一部分还会谈到这个不足。实测比例下方是它的 95% 置信区间（Wilson 区间）：输入越多，它就越紧地收拢在理论值周围。
sparsity-why-1 = <strong>稀疏性为什么有用。</strong>恰好为 0 不只是一个很小的数。一个单元对某个输入输出 0 时，它对下一层毫无贡献（它的出向权重乘的是 0），也不会为这个输入传回任何梯度（ReLU 在那里的导数是 0）。所以对每个输入，只有被激活的单元在工作，也只有它们的权重从这个输入中学习。
sparsity-why-2 = 每个输入都会开启它自己的一组单元。这组单元确定之后，每个 ReLU 要么是恒等映射，要么是 0，于是网络就是输入的一个普通线性函数再加上一个偏移：每一种激活模式对应一段不同的线性部分。这就是 ReLU 网络分段线性的原因；也正因如此，一个单元可以专门响应开启它的那些输入，而不是对所有输入都作出微弱的反应。
sparsity-why-3 = 说到节省计算，要实事求是：GPU 上普通的稠密矩阵乘法照样会去乘这些 0，所以零散的 0 只有在使用能跳过它们的稀疏格式、算子或硬件，并且绝大多数值为 0 时，才能节省时间。而且稀疏过头是有害的：一个对<em>所有</em>输入都输出 0 的单元完全得不到梯度，再也无法恢复，这就是<a href="#weaknesses">下一部分</a>要讲的神经元死亡。
# The sparsity chart's accessible name before its first drawing.
sparsity_chart_title = 输入与 ReLU 输出的直方图
# The sparsity chart's upper panel title.
sparsity_before = ReLU 之前：输入 x
# The sparsity chart's lower panel title.
sparsity_after = ReLU 之后：max(0, x)
# The label of the sparsity chart's spike of exact zeros; `{share}`.
sparsity_spike = 恰好为 0：{ $share }
# The measured share's 95% interval, under it in the sparsity table; `{low}`, `{high}`.
sparsity_interval = 95% 置信区间 { $low } 至 { $high }
# The sparsity chart's text alternative; `{samples}`, `{mean}`, `{std}`, `{zeros}`, `{share}`,
# `{theory}`, `{mean_out}`.
sparsity_alt = 两幅直方图，显示从均值为 { $mean }、标准差为 { $std } 的正态分布中抽取的 { $samples } 个输入在 ReLU 之前和之后的分布。经过 ReLU 后，其中 { $zeros } 个（{ $share }）恰好为 0，理论值为 { $theory }；输出的均值为 { $mean_out }。
# Why, after the sparsity question is checked; `{mean}`, `{std}`, `{share}`.
sparsity_predict_why = ReLU 对所有小于或等于 0 的输入都输出 0。当 μ = { $mean }、σ = { $std } 时，0 比均值高出一个标准差，而正态分布中有 Φ(−μ/σ) ≈ { $share } 落在它下面：把均值下移一个 σ，零的比例就从一半变成了大约六分之五。图表现在显示的就是这种情况。
weaknesses-title = ReLU 的不足
weaknesses-heading-1 = 神经元死亡
weaknesses-p-1 =
    一个 ReLU 单元先计算预激活值 <math><mi>z</mi><mo>=</mo><munder><mo>∑</mo><mi>i</mi></munder><msub><mi>w</mi><mi>i</mi></msub><msub><mi>a</mi><mi>i</mi></msub><mo>+</mo><mi>b</mi></math>（
    其中 <math><msub><mi>a</mi><mi>i</mi></msub></math> 是它的输入），然后输出 <math><mi>max</mi><mo stretchy="false">(</mo><mn>0</mn><mo>,</mo><mi>z</mi><mo
    stretchy="false">)</mo></math>。对于某个满足 <math><mi>z</mi><mo>≤</mo><mn>0</mn></math> 的样本，该单元的
    输出以及经过它的梯度都为 0，因此这个样本不会改变该单元的权重和偏置。这是正常现象，稀疏性正是由此而来。麻烦始于 <math><mi>z</mi><mo>≤</mo><mn>0</mn></math>
    对训练数据中的<em>每一个</em>输入都成立的时候。此时没有任何样本会给该单元传来梯度，它的权重和偏置被冻结，它会一直保持静默，通常直到训练结束。这样的单元就<em>死亡</em>了
    ；一层中若有许多死亡单元，其实际容量就比它的规模看上去要小。
weaknesses-p-2 = 造成这一现象的是平坦的负半区间，而不是 0 处的尖角。那一个点上导数未定义的问题已由约定解决；单元之所以死亡，是因为它的所有输入都落在了斜率恰好为 0 的区域。
weaknesses-p-3 =
    单元通常在以下情况下死亡：一次很大的更新（源于过高的学习率或过大的梯度）把偏置推到远小于零的位置，或使权重大幅摆动，以致对所有数据加权和都为负。糟糕的初始化也可能让单元从一开始就是
    死的，在又深又窄的网络中尤其如此。常见的补救办法有：
weaknesses-item-1 =
    <strong>Leaky ReLU</strong> 给负半区间一个很小的斜率 <math><mi>α</mi></math>：<math><mi>f</mi><mo stretchy="false">(</mo><mi>x</mi><mo
    stretchy="false">)</mo><mo>=</mo><mi>x</mi></math>（当 <math><mi>x</mi><mo>&gt;</mo><mn>0</mn></math>
    时），其他情况下则为 <math><mi>α</mi><mi>x</mi></math>（PyTorch 默认的 <math><mi>α</mi></math> 为 0.01），因
    此该单元总能得到一些梯度，从而有机会恢复。相关的变体有：<strong>PReLU</strong> 在训练中学习 <math><mi>α</mi></math>；<strong>ELU</strong>
    对负输入使用平滑曲线 <math><mi>α</mi><mo stretchy="false">(</mo><msup><mi>e</mi><mi>x</mi></msup><mo>−</mo><mn>1</mn><mo
    stretchy="false">)</mo></math>。
weaknesses-item-2 =
    <strong>He（Kaiming）初始化</strong>以方差 <math><mfrac><mn>2</mn><msub><mi>n</mi><mtext>in</mtext></msub></mfrac></math>
    抽取每个单元的权重，其中 <math><msub><mi>n</mi><mtext>in</mtext></msub></math> 是该单元的输入个数，这样可以使预激活值在各层之
    间保持稳定的尺度。
weaknesses-item-3 = <strong>更小的学习率</strong>能降低出现那种会“杀死”单元的大幅跳变的可能性。
neuron-heading-1 = 单个神经元，逐步演示
neuron-p-1 =
    一个 ReLU 单元 a = max(0, z)（其中 z = w·x + b）通过对均方误差做梯度下降来拟合八个点。逐步观察：一次过大的更新如何让它死亡，为什么此后再也没有梯度能
    到达它，以及 Leaky ReLU 如何让它复活。
neuron-back-label = 上一步
neuron-next-label = 下一步
neuron-reset-label = 从头开始
neuron-table-caption-1 = 前向传播与反向传播中的每一个数值，每个点占一行
neuron-column-1 = 门控
neuron-column-2 = 目标 y
neuron-column-3 = 门控梯度
neuron-p-2 = 这八个点的输入为 x = −0.875、−0.625、…、0.875，目标为 <math><mi>y</mi><mo>=</mo><mi>max</mi><mo stretchy="false">(</mo><mn>0</mn><mo>,</mo><mi>x</mi><mo stretchy="false">)</mo></math>，它本身就是一个 ReLU，所以存在完美的答案：w = 1，b = 0。表中，在 <math><mi>z</mi><mo>&gt;</mo><mn>0</mn></math> 处门控是打开的；<math><mfrac><mrow><mo>∂</mo><mi>L</mi></mrow><mrow><mo>∂</mo><mi>a</mi></mrow></mfrac><mo>=</mo><mfrac><mn>2</mn><mi>n</mi></mfrac><mo stretchy="false">(</mo><mi>a</mi><mo>−</mo><mi>y</mi><mo stretchy="false">)</mo></math>（n = 8 个点）是均方误差传回给每个输出的梯度；门控梯度是 <math><msup><mi>ReLU</mi><mo>′</mo></msup><mo stretchy="false">(</mo><mi>z</mi><mo stretchy="false">)</mo></math>，门控打开时为 1，关闭时为 0；而 <math><mfrac><mrow><mo>∂</mo><mi>L</mi></mrow><mrow><mo>∂</mo><mi>z</mi></mrow></mfrac><mo>=</mo><mfrac><mrow><mo>∂</mo><mi>L</mi></mrow><mrow><mo>∂</mo><mi>a</mi></mrow></mfrac><mo>·</mo><msup><mi>ReLU</mi><mo>′</mo></msup><mo stretchy="false">(</mo><mi>z</mi><mo stretchy="false">)</mo></math>。
lab-heading-1 = 神经元死亡实验室
lab-p-1 =
    一个小型网络用普通的梯度下降实时学习 [−1, 1] 上的一条曲线。若某个隐藏单元在每个训练输入上的预激活值都 ≤ 0，它就死亡了：它在单元条和图表中变为灰色，其权重再也不会改变。
    试试某个预设，或者修改设置后按“播放”。
lab-presets-label = 预设：
preset-healthy-label = 健康
preset-high-lr-label = 学习率过高
preset-negative-bias-label = 负偏置初始化
preset-leaky-rescue-label = Leaky ReLU 救场
preset-narrow-deep-label = 窄而深
lab-play-label = 播放
lab-step-label = 单步
lab-reset-label = 重置
lab-p-2 = 绿色实心方块：存活。灰色空心方块：死亡（在每个输入上都 ≤ 0，再也没有梯度能到达它）。琥珀色圆点（使用 Leaky ReLU 时）：在每个输入上都小于零，但仍在通过泄露部分继续学习。
export-lab-fit = 将拟合图保存为 PNG
export-lab-units = 将单元图保存为 PNG
export-lab-dead = 将死亡比例图保存为 PNG
export-lab-loss = 将损失图保存为 PNG
lab-charts-note = 训练开始之前，死亡比例图和损失图上各只有一个点：第 0 步，也就是训练的起点。按“播放”（或“单步”）开始训练，就能看到两条曲线从这里延伸出去。在拟合图上，预测在相邻两个圆圈之间是直线，只在圆圈处弯折：每个圆圈是一个拐点，即某个隐藏单元开启或关闭的位置。空心圆圈是第一层单元的 x = −b/w，实心圆圈是更深层单元的切换点。死亡单元不贡献拐点，网络拟合目标时就少了一处可以弯折的地方。
export-lab-csv = 将训练记录保存为 CSV
lab-summary = 设置
label-lab-activation = 激活函数
label-lab-slope = 泄露斜率
label-lab-lr = 学习率
label-lab-init = 初始化
label-lab-bias = 偏置初始值
label-lab-width = 宽度
label-lab-depth = 隐藏层数
label-lab-task = 任务
label-lab-points = 数据点数
label-lab-seed = 随机种子
label-lab-steps = 每帧步数
lab-lr-hint = 学习率按对数刻度调节，范围为 0.0001 到 3。
lab-slope-hint = 只有当激活函数选为 Leaky ReLU 时才会用到泄露斜率；选 ReLU 时它显示为灰色。
lab-init-hint = 初始化决定权重的初始值。He（Kaiming）初始化是为 ReLU 设计的：方差为 2 / n，n 是单元的输入个数。Xavier（Glorot）初始化是为 tanh 和 sigmoid 设计的：方差为 2 / (n + m)，m 是该层的输出个数。另外两种不考虑层的大小。
born-dead-heading-1 = 生而死亡：新初始化的网络有多大概率一开始就已死亡
born-dead-p-1 =
    初始化一个 ReLU 网络，它有一个输入、L 个各含 N 个单元的隐藏层和一个输出，但不对它进行训练。如果某个隐藏层的所有单元都 ≤ 0，那么它之后的一切看到的都是零，输出就是一个
    常数。
label-born-width = 宽度 N
label-born-depth = 深度 L
label-born-init = 初始化
label-born-bias = 偏置初始值
born-dead-term-1 = <strong>问题一：</strong>一个刚初始化的网络，是否在 −1 到 1 之间的所有输入上都“死了”？用蒙特卡洛方法统计：随机初始化许多网络，数一数其中死掉的有多少。95% 置信区间是以 95% 的把握包含真实比例的范围。
born-dead-term-2 = <strong>问题二：</strong>在某一个输入 x ≠ 0 上，是否有某个隐藏层的单元全部 ≤ 0？偏置为零时可以精确计算：
born-dead-p-2 =
    <strong>两个答案为什么不同？</strong>闭式解假设只有一个输入 x ≠ 0、偏置全为零、权重关于 0 对称分布：此时每个单元以 ½ 的概率 ≤ 0，一层全部熄灭的概率为 <math><msup><mn>2</mn><mrow><mo>−</mo><mi>N</mi></mrow></msup></math>，且 L 个层相互独立。蒙特卡洛统计的要求
    更严格：在从 −1 到 1 的全部 65 个输入上输出都是常数。偏置为零时，单个隐藏层绝不会在整个范围内都死亡（w &gt; 0 的单元覆盖 x &gt; 0，w &lt; 0 的
    单元覆盖 x &lt; 0），因此蒙特卡洛得到的比例低于闭式解；网络越深、越窄，两者的差距越小。负的偏置初始值会让生而死亡的网络常见得多，而闭式解建立在零偏置之上，不涵盖这种情况。
weaknesses-heading-2 = 输出不是以 0 为中心的
weaknesses-p-4 =
    ReLU 的输出从不为负，因此其均值为正。考虑下一层的一个单元 <math><mi>z</mi><mo>=</mo><munder><mo>∑</mo><mi>i</mi></munder><msub><mi>w</mi><mi>i</mi></msub><msub><mi>a</mi><mi>i</mi></msub><mo>+</mo><mi>b</mi></math>，
    它的输入 <math><msub><mi>a</mi><mi>i</mi></msub></math> 是 ReLU 的输出。对于损失 <math><mi>ℒ</mi></math>，
    每个权重的梯度为 <math><mfrac><mrow><mo>∂</mo><mi>ℒ</mi></mrow><mrow><mo>∂</mo><msub><mi>w</mi><mi>i</mi></msub></mrow></mfrac><mo>=</mo><mfrac><mrow><mo>∂</mo><mi>ℒ</mi></mrow><mrow><mo>∂</mo><mi>z</mi></mrow></mfrac><mo>⁢</mo><msub><mi>a</mi><mi>i</mi></msub></math>。
    由于每个 <math><msub><mi>a</mi><mi>i</mi></msub><mo>≥</mo><mn>0</mn></math>，对单个样本而言，这些梯度中所有不为零
    的都与 <math><mfrac><mrow><mo>∂</mo><mi>ℒ</mi></mrow><mrow><mo>∂</mo><mi>z</mi></mrow></mfrac></math>
    同号：该单元的输入权重要么一起增大，要么一起减小。当最优的一步需要增大一部分权重、同时减小另一部分时，梯度下降只能以之字形逼近，从而拖慢训练。
weaknesses-p-5 =
    在小批量上取平均可以缓解这一问题，归一化层（批归一化或层归一化）也会把激活值重新中心化。下一层的偏置可以在前向传播中抵消正的均值，但无法消除梯度同号的问题。sigmoid 函数也有
    同样的缺点；tanh 函数的输出以 0 为中心，基本上避免了这一问题。
weaknesses-p-6 =
    均值离 0 有多远？设预激活值 <math><mi>X</mi></math> 服从 <math><mi>N</mi><mo stretchy="false">(</mo><mi>μ</mi><mo>,</mo><msup><mi>σ</mi><mn>2</mn></msup><mo stretchy="false">)</mo></math>，则 ReLU 输出的均值为
    <math><mi>E</mi><mo stretchy="false">[</mo><mi>relu</mi><mo stretchy="false">(</mo><mi>X</mi><mo stretchy="false">)</mo><mo stretchy="false">]</mo><mo>=</mo><mi>μ</mi><mi>Φ</mi><mo stretchy="false">(</mo><mi>μ</mi><mo>/</mo><mi>σ</mi><mo stretchy="false">)</mo><mo>+</mo><mi>σ</mi><mi>φ</mi><mo stretchy="false">(</mo><mi>μ</mi><mo>/</mo><mi>σ</mi><mo stretchy="false">)</mo></math>，其中 Φ 和 φ 分别是标准正态分布的分布函数和密度函数。对任何 μ 它都大于 0（μ = 0 时为
    <math><mi>σ</mi><mo>/</mo><msqrt><mrow><mn>2</mn><mi>π</mi></mrow></msqrt><mo>≈</mo><mn>0.4</mn><mi>σ</mi></math>）。因此下一层的输入全都同号，一个单元的每个权重梯度 <math><mi>δ</mi><mo>⁢</mo><msub><mi>x</mi><mi>i</mi></msub></math> 都与 δ 同号。下面的实验在最小的情形里展示这对梯度下降意味着什么：只有两个权重的一个单元。
zigzag-heading = 动手试试：输入全为正时的梯度下降
zigzag-intro =
    一个有两个权重的线性单元 <math><mi>y</mi><mo>=</mo><msub><mi>w</mi><mn>1</mn></msub><msub><mi>x</mi><mn>1</mn></msub><mo>+</mo><msub><mi>w</mi><mn>2</mn></msub><msub><mi>x</mi><mn>2</mn></msub></math> 从 32 个样本中学习，这些样本由权重 (1, −1) 生成，所以损失在
    <math><mi>w</mi><mo>=</mo><mo stretchy="false">(</mo><mn>1</mn><mo>,</mo><mo>−</mo><mn>1</mn><mo stretchy="false">)</mo></math> 处最小。它的输入要么全为正（像 ReLU 的输出那样，在 0 到 1 之间均匀抽取），要么是同样的输入减去它们的均值。两次运行都从 (0, 0) 出发，依次对每个样本做一步普通的梯度下降。要到达最小值，w₁ 必须增大而 w₂ 必须减小；但单个样本给出的梯度是 δ·x₁ 和 δ·x₂，所以输入全为正时，两个权重总是朝同一个方向移动。
zigzag-predict-question = 学习率为 3 时，走完 64 步后，哪一次运行离最小值更近？
zigzag-predict-positive = 输入全为正的那一次
zigzag-predict-centred = 输入以 0 为中心的那一次
zigzag-predict-same = 差不多近（相差不到 2 倍）
label-zigzag-rate = 学习率
label-zigzag-steps = 步数
zigzag-redraw = 换一组样本
zigzag-caption =
    权重 (w₁, w₂) 上的损失（w₁ 向右，w₂ 向上）：颜色每深一档，损失就是外面一档的一半。圆环是起点 (0, 0)，小点是每一步之后的权重，叉号是最小值 (1, −1)。输入全为正时，山谷又长又窄，谷底从左上伸向右下，横跨它们的步子所能走的每一个方向。
zigzag-col-measure = 最后一步之后
zigzag-col-steps = 已走步数
zigzag-col-distance = 最后离最小值的距离
zigzag-col-same = 两个权重同向移动的步数占比
zigzag-row-positive = 全为正
zigzag-row-centred = 以 0 为中心
export-zigzag-png = 将损失曲面保存为 PNG
zigzag-after =
    学习率较小时，两次运行都能到达，输入全为正的那一次靠之字形前进，代价不大。以 0 为中心真正带来的是学习率：把它调到 3，对大多数样本抽取来说，全为正的那一次每一步都摆得更宽，直到飞出去，而以 0 为中心的那一次仍然落在最小值上。这是神经网络让各层输入的均值保持在 0 附近（归一化层、谨慎的初始化）的原因之一，也是 ReLU 输出的均值为正被算作其不足的原因。
zigzag_chart_title = 输入全为正与以 0 为中心时的损失曲面和梯度下降路径
zigzag_positive_title = 输入全为正
zigzag_centred_title = 输入以 0 为中心
zigzag_alt =
    权重 w₁ 和 w₂ 上的两个损失曲面，以及学习率为 { $rate }、共 { $steps } 步、从 (0, 0) 走向最小值 (1, −1) 的梯度下降路径。输入全为正：路径最后离最小值 { $positive }，其中 { $psame } 的步子让两个权重同向移动。输入以 0 为中心：路径最后离最小值 { $centred }，同向移动的步子占 { $csame }。
zigzag_diverged = { $run }：权重在第 { $step } 步溢出，路径到此为止。
zigzag_predict_why =
    学习率为 { $rate } 时，走完 { $steps } 步后，以 0 为中心的那一次离最小值 { $centred }，全为正的那一次离最小值 { $positive }，远了 { $ratio } 倍。全为正的那一次每一步都让两个权重同向移动，所以只能在山谷里来回折返、以之字形走向 (1, −1)，而在这个学习率下每一次折返都比上一次冲得更远。以 0 为中心的输入可以让两个权重反向移动，每一步都落在离拟合该样本很近的地方。图中现在画的就是这种情况。
weaknesses-heading-3 = 没有上界
weaknesses-p-7 =
    sigmoid 和 tanh 会把任何输入压缩到一个固定范围内；ReLU 则让任意大小的正值通过。这使它的梯度得以保持，但当权重较大时，激活函数本身没有任何机制阻止数值逐层增长，这
    可能导致激活值和梯度爆炸，或在低精度运算中溢出。谨慎的初始化、归一化层、权重衰减和梯度裁剪可以控制这一问题；而 ReLU6（即 <math><mi>min</mi><mo stretchy="false">(</mo><mi>max</mi><mo
    stretchy="false">(</mo><mn>0</mn><mo>,</mo><mi>x</mi><mo stretchy="false">)</mo><mo>,</mo><mn>6</mn><mo
    stretchy="false">)</mo></math>）等变体则直接给输出设定了上限。
growth-heading = 动手试试：经过 L 层之后激活值有多大
growth-intro = 一个每层都很宽、偏置为零的深层网络，输入的大小为 1（指均方根，RMS）。每层权重的标准差是你选的倍数乘以 He 初始化的 <math><msqrt><mn>2</mn><mo>/</mo><mi>n</mi></msqrt></math>。看看对每种激活函数，激活值的 RMS 逐层如何变化。
growth-predict-question = 设权重是 He 初始化尺度的 1.5 倍。经过 20 层 ReLU 之后，激活值与输入相比有多大？
growth-predict-same = 差不多（不到 10 倍）
growth-predict-hundred = 大约一百倍（10 到 1000 倍）
growth-predict-thousand = 超过一千倍
label-growth-depth = 层数 L
label-growth-scale = 权重尺度（× He）
growth-scale-hint = 取 1 时即为 He 初始化：权重的标准差为 √(2/n)。
growth-caption = 每一层之后激活值的 RMS，采用对数刻度：1 表示输入的大小。这是对许多网络的平均；单个网络的各层会在它附近波动。
growth-col-size = L 层之后的 RMS
export-growth-png = 将激活值图表保存为 PNG
growth-lab = 训练时梯度和更新也会发生同样的事：ReLU 没有上界，步子太大时数值会自我放大，直到溢出。实验室里的“学习率过高”预设展示的就是以这种方式结束的一次训练；当损失不再是一个数时，实验室会停止训练。
torch-title = torch.relu 与自动求导
torch-p-1 =
    在 PyTorch 中，<code>torch.relu(x)</code> 返回一个新张量，其中保存的是 <math><mi>max</mi><mo stretchy="false">(</mo><mn>0</mn><mo>,</mo><mi>x</mi><mo
    stretchy="false">)</mo></math> 对 <code>x</code> 每个元素的计算结果。如果 <code>x</code> 在创建时设置了 <code>requires_grad=True</code>，
    自动求导就会记录这一运算。在反向传播中，它接收<em>上游梯度</em> <math><mfrac><mrow><mo>∂</mo><mi>ℒ</mi></mrow><mrow><mo>∂</mo><mi>y</mi></mrow></mfrac></math>（<math><mi>ℒ</mi></math>
    为某个损失），并把它转换为 <math><mfrac><mrow><mo>∂</mo><mi>ℒ</mi></mrow><mrow><mo>∂</mo><mi>x</mi></mrow></mfrac></math>，
    其做法实际上相当于将它与 ReLU 的导数逐元素相乘：在 <math><mi>x</mi><mo>&gt;</mo><mn>0</mn></math> 处保留上游值（导数为 1），
    在 <math><mi>x</mi><mo>≤</mo><mn>0</mn></math> 处置为 0（导数为 0）。这一步就是 PyTorch 中的 <code>threshold_backward</code>，名字说明了它的作用：在输入大于某个阈值（这里是 0）的位置把梯度传过去，其余位置置为 0。
    由于它实际上是在做选择而不是乘法，即使上游值是无穷大或 NaN，在 <math><mi>x</mi><mo>≤</mo><mn>0</mn></math> 处也会变成恰好为 0。
torch-p-2 =
    由于 <code>y</code> 不是单个数，<code>backward</code> 需要以上游梯度作为参数；传入全为 1 的张量时，<code>x.grad</code>
    就等于 ReLU 在每个元素处的导数。输出中的 <code>grad_fn=&lt;ReluBackward0&gt;</code> 就是自动求导为这一运算保存的记录。
torch-p-3 =
    有两个细节很容易出错，而本页所依据的那篇文章两处都弄错了。第一，它漏掉了 <code>requires_grad=True</code>。没有它，自动求导不会记录任何东西，<code>y</code>
    没有 <code>grad_fn</code>，<code>y.backward(...)</code> 会报错：<code>RuntimeError: element 0 of
    tensors does not require grad and does not have a grad_fn</code>。第二，它把 0.0 称为负数。其实不然：<code>0.0</code>
    处的梯度为 0，是因为 PyTorch 在尖角处选择了 0（见“公式”一节的解释）；而 <code>-1.0</code> 处的梯度为 0，是因为那里的斜率确实为 0。
torch-p-4 = 在下方编辑输入张量和上游梯度，观察 <code>y</code> 和 <code>x.grad</code> 如何随之更新。
label-torch-x = 输入张量 x
label-torch-grad = 上游梯度（y.backward 的参数）
torch-hint = 用逗号或空格分隔的数字；可以使用 nan、inf 和 -inf。
torch-heading-1 = 在 PyTorch 中进行同样的计算
footer-p-1 = ReLU 探索器在你的浏览器中按照与 PyTorch 相同的规则计算所有数值，不会向任何地方发送数据。
footer-api = 课程作者请看：JavaScript API 参考，附可运行的示例

lang-label = 语言
theme-label = 配色
theme-auto = 跟随系统
theme-light = 浅色
theme-dark = 深色
copy-link = 复制链接
copy-link-done = 链接已复制：打开它会看到与现在相同的页面状态。
copy-link-failed = 无法复制。地址栏中的链接会打开与现在相同的页面状态。
embed-button = 嵌入
share-title = 把这一部分嵌入课程页面
share-intro = 把这段代码粘贴到课程页面或学习平台的 HTML 编辑器中。它只显示这一部分，保留当前的设置，并使用你现在阅读的语言。
share-file-note = 本页是从这台电脑上的文件打开的，所以下面的代码只能在这里使用。要把这一部分嵌入课程，请把这个文件上传到课程或网站，从那里打开本页，再复制一次代码。
share-code-label = HTML 代码
share-copy = 复制代码
share-close = 关闭
share-copied = 代码已复制。
share-copy-failed = 无法自动复制：代码已选中，请按 Ctrl+C（Mac 上按 ⌘C）。
share-preview = 预览
share-frame-title = ReLU 探索器：
graph-keys-hint = 图像获得焦点后，方向键每次把 x 移动一步，Page Up 和 Page Down 每次移动范围的十分之一，Home 和 End 移到两端。

## Program text

page_title = ReLU 探索器：交互式学习 ReLU 激活函数
init_normal = 正态分布，标准差 1
init_uniform = 均匀分布 ±0.5
task_step = 0 处的阶跃
task_zigzag = 锯齿波（分段线性）
page_description = 在动手操作中学习 ReLU 激活函数：它的公式与导数、可交互的实时图像、它为什么容易训练、神经元死亡问题，以及 torch.relu。
nav_label = 章节
graph_canvas_label = ReLU(x) 及其导数的图像
lab_fit_label = 训练目标与网络的预测
lab_units_label = 第一层各单元的激活值随 x 的变化；死亡单元显示为灰色
lab_dead_label = 各隐藏层中死亡单元所占比例随训练步数的变化
lab_loss_label = 损失随训练步数的变化（对数坐标）
lab_strip_label = 全部隐藏单元（存活或死亡）
graph_title = ReLU 函数及其导数
axis_x = x
axis_y = y
relu = ReLU(x)
relu_derivative = ReLU(x) 的导数
leaky = Leaky ReLU(x)，α = { $slope }
leaky_derivative = Leaky ReLU(x) 的导数
sigmoid = sigmoid(x)
sigmoid_derivative = sigmoid(x) 的导数
tanh = tanh(x)
tanh_derivative = tanh(x) 的导数
at_kink = x 恰好为 0，即拐点：此处导数未定义，PyTorch 的反向传播在此处取 0。
graph_alt =
    ReLU(x) 及其导数的图像，x 从 { $min } 到 { $max }。在 x = { $x } 处，ReLU(x) = { $fx }，其导数为 { $dfx }。
setting_names =
    .xmin = x 最小值
    .xmax = x 最大值
    .x = 输入 x
    .slope = Leaky ReLU 斜率
    .leaky = 显示 Leaky ReLU
    .sigmoid = 显示 sigmoid
    .tanh = 显示 tanh
    .tx = 输入张量 x
    .tg = 上游梯度
    .act = 实验室的激活函数
    .lslope = 实验室的 Leaky ReLU 斜率
    .lr = 学习率
    .init = 实验室的初始化方式
    .bias = 实验室的偏置初始值
    .width = 实验室的网络宽度
    .depth = 实验室的隐藏层数
    .task = 实验室的任务
    .n = 实验室的数据点数
    .seed = 实验室的随机种子
    .spf = 每帧步数
    .bw = 生而死亡实验的宽度 N
    .bd = 生而死亡实验的深度 L
    .binit = 生而死亡实验的初始化方式
    .bbias = 生而死亡实验的偏置初始值
    .gdepth = 梯度实验的深度 L
    .gz = 梯度实验的预激活值 z
    .gspread = 梯度实验的离散程度
    .gseed = 梯度实验的随机种子
    .udepth = 无上界实验的层数 L
    .uscale = 无上界实验的权重尺度
    .speedn = 速度实验的数组大小
    .smu = 稀疏性实验的均值 μ
    .ssd = 稀疏性实验的标准差 σ
    .sn = 稀疏性实验抽取的输入个数
    .sseed = 稀疏性实验的随机种子
    .zrate = 零中心实验的学习率
    .zsteps = 零中心实验的步数
    .zseed = 零中心实验的随机种子
    .rtarget = ReLU 之和的目标
    .rkinks = ReLU 之和的拐点
    .lang = 语言
    .theme = 主题
    .embed = 单独显示的部分
    .hide = 隐藏的控件
    .fuzz = 模糊测试
    .fuzzRate = 每帧模糊测试事件数
    .fuzzSeed = 模糊测试随机种子
    .stringTest = 字符串测试
allowed_real = { $min } 到 { $max } 之间的数
allowed_whole = { $min } 到 { $max } 之间的整数
unreadable_number = { $name } ({ $key }) = “{ $text }” 不是数字；取值应为 { $allowed }。已保留 { $kept }。
unreadable_flag = { $name } ({ $key }) = “{ $text }” 既不是开也不是关；请使用 1 或 0。已保留 { $kept }。
unknown_entry = { $name } ({ $key }) = “{ $text }”：“{ $entry }” 不是 { $choices } 中的任何一个。已保留 { $kept }。
only_language = { $name } ({ $key }) = “{ $asked }”：此文件只含 { $only } 版本。如需 { $asked } 版本，请打开 relu-explorer_{ $asked }.html 或 relu-explorer.html。
kept_default = 默认值
unreadable_choice = { $name } ({ $key }) = “{ $text }” 不是 { $choices } 中的任何一个。已保留 { $kept }。
out_of_bounds = { $name } ({ $key }) = { $value } 超出范围；取值应为 { $allowed }。已保留 { $kept }。
not_whole = { $name } ({ $key }) = { $value } 不是整数；取值应为 { $allowed }。已保留 { $kept }。
text_too_long = { $name } ({ $key }) 长 { $len } 个字符；最多允许 { $max } 个字符。已保留之前的文本。
range_order = x 最小值（{ $min }）必须小于 x 最大值（{ $max }）。图像仍使用 { $kept_min } 到 { $kept_max } 的范围。
range_too_narrow =
    x 范围 { $min } 到 { $max } 窄于图像能显示的最窄范围 { $span }。图像仍使用 { $kept_min } 到 { $kept_max } 的范围。
link_prefix = 此链接中有部分内容被忽略：
tensor_empty = 内容为空；请至少输入一个数字，例如 -1.0, 0.0, 1.0, 2.0。
tensor_missing = 第 { $position } 项为空（是否连续输入了两个逗号？）。
tensor_not_number = 第 { $position } 项“{ $text }”不是数字（请使用数字，或 nan、inf、-inf）。
tensor_overflow = 第 { $position } 项 { $text } 超出了 float32 的表示范围（最大约为 3.4e38）；如果你想表示无穷大，请输入 inf。
tensor_too_long = 共有 { $len } 项；此面板最多接受 { $max } 项。
tensor_lengths = x 有 { $x } 项，而梯度有 { $grad } 项：backward 要求 y 的每一项都对应一个上游梯度。
field_x = 输入张量 x
field_grad = 上游梯度
keeping_last = 当前显示的是上一次的有效结果。
lab_fit_title = 目标（圆点）、预测及其拐点（圆圈）
lab_units_title = 第一层各单元随 x 的变化（死亡单元为灰色）
lab_dead_title = 各层死亡单元所占比例
lab_loss_title = 损失（对数坐标）
lab_status = 第 { $step } 步：损失 { $loss }；{ $units } 个隐藏单元中有 { $dead } 个已死亡。
lab_status_leaky =
    第 { $step } 步：损失 { $loss }；{ $units } 个隐藏单元中有 { $dead } 个在每个输入上都小于零，但仍在通过泄露部分继续学习。
lab_status_fresh = 第 0 步：训练开始前，{ $units } 个隐藏单元中已有 { $dead } 个死亡。
lab_diverged = 训练在第 { $step } 步发散：损失已不再是有限数（对这个网络来说学习率太大了）。训练已停止；请重置后重新开始。
lab_strip_layer = 第 { $layer } 层：{ $units } 个中有 { $dead } 个死亡
lab_strip_layer_leaky = 第 { $layer } 层：{ $units } 个中有 { $dead } 个处于泄露区
depth_legend =
    .relu = ReLU
    .leaky = Leaky ReLU（0.01）
    .sigmoid = sigmoid
    .tanh = tanh
depth_chart_title = 每一层之后剩下的梯度（对数坐标）
depth_alt = 经过 { $depth } 层后剩下的梯度图：ReLU 保留 { $relu }，Leaky ReLU 保留 { $leaky }，sigmoid 保留 { $sigmoid }，tanh 保留 { $tanh }。
depth_whole = 路径上的每个单元都处于激活状态，而 ReLU 在那里的导数恰好为 1。
depth_cut = 第 { $layer } 层的单元未激活（z ≤ 0）：它的导数为 0，梯度无法再往回传过它。
depth_leak = 处于泄露区的层：{ $depth } 层中有 { $layers } 层。那里的导数是 { $slope } 而不是 1：变小了，但从不为 0。
depth_sigmoid = sigmoid 的导数至多为 0.25，所以最多只剩 { $power } = { $bound }。
depth_tanh = tanh 的导数只在 z = 0 处为 1，离开 0 后迅速变小。
depth_f32 = 在 PyTorch 默认使用的 float32 中，这个乘积从第 { $layer } 层起就已经是 0。
predict_right = 答对了。
predict_wrong = 不太对。
predict_missing = 请先选一个答案，再核对。
depth_predict_why = 在 z = 0.5 处，每层 sigmoid 只保留梯度的 σ′(0.5) ≈ { $local }，所以 { $layers } 层之后只剩 { $power } ≈ { $value }，远小于 0.001；即使在最好的情况（z = 0）下，sigmoid 每层也最多保留 0.25。图中现在画的就是这种情况：ReLU 的激活路径把梯度全部保留，仍是 1。
growth_chart_title = 每一层之后激活值的 RMS（对数刻度）
growth_alt = 激活值 RMS 随 { $depth } 层变化的折线图，权重为 He 尺度的 { $scale } 倍，对数刻度：最后一层之后，ReLU 为 { $relu }，Leaky ReLU 为 { $leaky }，sigmoid 为 { $sigmoid }，tanh 为 { $tanh }。
growth_linear = 每一层都乘以 { $factor }，所以 { $depth } 层之后为 { $power }。
growth_sigmoid = 有界：无论权重多大，sigmoid 的输出都在 0 和 1 之间。
growth_tanh = 有界：无论权重多大，tanh 的输出都在 −1 和 1 之间。
growth_predict_why = 对于关于 0 对称的输入，ReLU 保留其均方值的一半，而权重把它乘以 2 × { $scale }²，所以每一层都把 RMS 恰好乘以 { $scale }：{ $layers } 层之后为 { $power } ≈ { $value }。图中现在画的就是这种情况；只有在 He 尺度（1）下它才保持水平。
speed_chart_title = 每个元素的耗时（纳秒，对数刻度）
speed_kernels =
    .relu = ReLU
    .relu-fb = ReLU 前+反
    .sigmoid = sigmoid
    .sigmoid-fb = sigm. 前+反
    .tanh = tanh
    .tanh-fb = tanh 前+反
speed_engine_wasm = WebAssembly
speed_engine_js = JavaScript
speed_copy = 复制
speed_unit = 每个元素的纳秒数
speed_alt = 在 { $size } 个元素的数组上每个元素的耗时，单位为纳秒。复制：{ $copy }。ReLU：WebAssembly 中 { $relu }，JavaScript 中 { $relu_js }。sigmoid：{ $sigmoid } 和 { $sigmoid_js }。tanh：{ $tanh } 和 { $tanh_js }。
speed_alt_empty = 每个元素的耗时：尚未测量。请点击“开始测量”。
speed_running = 正在测量…
speed_done = 已在 { $size } 个元素上测量完毕，用时 { $seconds } 秒。
speed_cancelled = 已取消，数组已释放。
speed_failed = 无法在这台设备上进行测量：{ $reason }。
speed_predict_why = 这里 sigmoid 的前向传播耗时是 ReLU 的 { $ratio } 倍。指数运算每个元素要几十次运算；而 ReLU 的比较一次处理四个元素，便宜到搬运数据的代价比计算本身还高。
speed_predict_wait = 正在测量；测量结束后给出判定…
speed_table_label = 每个函数处理每个元素的速度
born_closed = { $share }
born_monte_carlo = { $share }（{ $trials } 个网络中有 { $dead } 个；95% 置信区间 { $low } 到 { $high }）
born_running = 正在初始化网络…
neuron_stage = 第 { $n } 阶段，共 { $of } 个阶段
neuron_captions =
    .healthy =
        一个健康的 ReLU 神经元：w = { $w }，b = { $b }。在 { $points } 个点中，它的门控在 { $open } 个点上开启（z > 0），均方误差为
        { $loss }。
    .backward =
        反向传播：损失向每个点传回 ∂L/∂a = (2/n)(a − y)。ReLU 门控在 z > 0 处让它通过（局部梯度为 1），在 z ≤ 0 处把它拦下（恰好为 0）。分别对
        ∂L/∂z·x 和 ∂L/∂z 求和，得到 ∂L/∂w = { $dw } 和 ∂L/∂b = { $db }。
    .big_step =
        以学习率 { $lr } 执行一步随机梯度下降（SGD），这个学习率实在太大了：w ← w − { $lr }·({ "{" }dw0{ "}" })，b ← b − { $lr }·({
        "{" }db0{ "}" })。偏置一下子冲过了头，从 { "{" }b0{ "}" } 变成了 { $b }。
    .dead =
        现在每个点上都有 z = w·x + b ≤ 0：所有门控都已关闭，每个 ∂L/∂z 都恰好为 0，因此 ∂L/∂w = { $dw }，∂L/∂b = { $db }。这个神经元
        死亡了。
    .still_dead = 以学习率 { $lr } 再训练 { $steps } 步：w = { $w }，b = { $b }，与之前逐位完全相同。再也不会有梯度到达这个神经元了。
    .leaky =
        同样的 w 和 b，改用 Leaky ReLU（斜率 { $slope }）：门控仍然关闭，但每个门控都会让梯度的 { $slope } 倍通过，因此 ∂L/∂w = { $dw }，∂L/∂b
        = { $db }：很小，但不为零。
    .revived =
        在 Leaky ReLU 下以学习率 { $lr } 训练 { $steps } 步：第 { $first } 步时有一个门控重新开启，神经元再次拟合了数据：w = { $w }，b
        = { $b }，损失为 { $loss }。
lab_presets =
    .healthy = 一次健康的训练：He 初始化加上较小的学习率。观察损失不断下降，同时几乎所有单元都保持存活。
    .high-lr = 学习率比合适的值大了十倍：最初几次大幅更新就把大多数单元甩离了数据，它们再也回不来了。观察死亡比例骤然上升并居高不下，预测也停滞不前。
    .negative-bias = 所有偏置的初始值都是 −1，因此许多单元从第一步起就在每个输入上都 ≤ 0：训练还没开始就已经死亡。少数存活的单元承担了全部工作。
    .leaky-rescue =
        同样激进的学习率，但改用 Leaky ReLU（斜率 0.3）：单元仍会被打到零以下，但它们的负半区间保留着梯度，所以它们能继续学习并爬回来：计数有升也有降。在 ReLU 训练过程
        中把“激活函数”切换为 Leaky ReLU，会保留现有权重，效果相同。
    .narrow-deep = 每层两个单元，共三层：一开始就有一整层死亡，因此每个输入得到的输出都相同，损失无法降到比一条水平线的损失更低。
lab_preset_hint = 选择一个预设：它会立即开始训练，这一行随后会告诉你该留意什么。
lab_fit_alt = 训练目标（圆点）与网络的预测（曲线），已训练 { $step } 步。
lab_fit_alt_kinks = 训练目标（圆点）与网络的预测（曲线），已训练 { $step } 步。预测曲线在 { $kinks } 处弯折（圆圈），其中 { $first } 处是第一层某个单元开启或关闭的位置。
lab_units_alt = 第一层 { $units } 个单元各自的激活值随 x 的变化；其中 { $dead } 个已死亡，显示为灰色。
lab_dead_alt = 各隐藏层中死亡单元所占比例在 { $step } 步中的变化；当前为 { $shares }。
lab_dead_alt_layer = 第 { $layer } 层 { $share }
lab_loss_alt = 损失在 { $step } 个训练步中的变化（对数坐标）；当前为 { $loss }。
lab_loss_alt_fresh = 损失随训练步数的变化（对数坐标）：第一步之前为空。
list_separator = ；
neuron_table_label = 前向与反向传播中的每一个数
neuron_gate_open = 开启
neuron_gate_closed = 关闭

## “ReLU 之和”搭建器（优点部分，strengths-heading-3 之下）

relusum-heading = 动手试试：用 ReLU 搭出一条曲线
relusum-intro =
    只有一个输入、一个 ReLU 隐藏层的网络计算的是
    <em>c</em> + Σ <em>a</em><sub>i</sub>·relu(±(<em>x</em> − <em>k</em><sub>i</sub>))：每个单元都是一条直线，在它的拐点
    <em>k</em> = −<em>b</em>/<em>w</em> 处向右或向左开启，而这个和只在这些拐点处弯折。请摆放拐点；页面会为它们求出最好的输出权重
    <em>a</em><sub>i</sub> 和偏置 <em>c</em>（最小二乘），并显示这个和离目标还有多远。
relusum-predict-question = 要把三角形（在 [−1, 1] 之外为 0，在 0 处升到 1）精确地画出来，需要几个 ReLU 单元？
relusum-predict-one = 1 个
relusum-predict-two = 2 个
relusum-predict-three = 3 个
relusum-predict-never = 无法精确画出
label-relusum-target = 目标
relusum-add-right = 添加向右开启的单元
relusum-add-left = 添加向左开启的单元
relusum-remove = 删除选中的单元
label-relusum-units = 单元数：
label-relusum-mse = 均方误差：
relusum-caption =
    目标（宽的灰线）、你的单元能给出的最好的和（蓝线），以及每个单元各自的一项（细灰线）。每个拐点是 x
    轴上带编号的手柄：可以拖动它；也可以让图表获得焦点，用 ↑ 和 ↓ 选择单元，用 ← 和 → 移动它（按住 Shift
    小步移动），用 Home 和 End 移到两端，用 Delete 删除。
export-relusum-png = 将 ReLU 之和图表保存为 PNG
relusum-table-caption = 对你的拐点来说最好的权重
relusum-col-unit = 单元
relusum-col-kink = 拐点 k
relusum-col-side = 开启方向
relusum-col-coefficient = 权重 a
relusum-constant = 常数 c（输出偏置）
relusum-network =
    这就是 ReLU 网络为什么是分段线性的，也是为什么像正弦这样的光滑曲线只能被逼近：每个单元只添加一个拐点，单元越多拟合越好，但永远不会变成曲线。训练（如下面的实验室）既移动权重，也移动拐点。
relusum_chart_title = 目标与最好的 ReLU 之和
relusum_legend_target = 目标
relusum_legend_sum = ReLU 之和
relusum_legend_kink = 拐点
relusum_target_abs = |x|
relusum_target_hat = 三角形
relusum_target_sine = sin(πx/2)
relusum_table_label = 每个单元对你的拐点来说最好的权重
relusum_side_right = 右
relusum_side_left = 左
relusum_alt =
    { $target } 在 −2 到 2 上的图像，以及 { $units } 个 ReLU 单元最好的和，拐点位于 { $kinks }；均方误差为 { $mse }。
relusum_alt_one =
    { $target } 在 −2 到 2 上的图像，以及单个 ReLU 单元加一个常数的最佳拟合，拐点位于 { $kink }；均方误差为 { $mse }。
relusum_alt_none =
    { $target } 在 −2 到 2 上的图像，以及尚无 ReLU 单元时的最佳常数；均方误差为 { $mse }。
relusum_status = { $units } 个单元；均方误差为 { $mse }。
relusum_status_one = 1 个单元；均方误差为 { $mse }。
relusum_status_unit = 单元 { $unit }：拐点在 { $kink }，向{ $side }开启；均方误差为 { $mse }。
relusum_predict_why =
    三角形在 −1、0 和 1 处弯折，而只有单元的拐点能让和弯折，所以每处都需要一个单元：共 { $units } 个，即
    relu(x + 1) − 2·relu(x) + relu(x − 1)，不需要常数。图中现在画的就是它们，误差为 0。（|x| 只弯折一次，却需要 2
    个单元：试试看。）
relusum_too_many = { $name } ({ $key }) = “{ $text }” 列出了 { $got } 个单元；搭建器最多接受 { $max } 个。已保留 { $kept }。
relusum_bad_entry =
    { $name } ({ $key }) = “{ $text }”：第 { $position } 项 “{ $entry }” 不是拐点；请写一个 −2 到 2 之间的数，后面跟 r（向右开启）或
    l（向左开启），例如 0.5r。已保留 { $kept }。
relusum_out_of_range = { $name } ({ $key }) = “{ $text }”：第 { $position } 项的拐点 { $value } 不在 −2 到 2 的范围内。已保留 { $kept }。
relusum_no_units = 无单元
