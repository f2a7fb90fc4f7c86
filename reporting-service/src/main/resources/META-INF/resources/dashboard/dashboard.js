// Builds the dashboard's charts from the JSON the server embedded in the page. It is a file of its
// own, never inline, so that the page's Content-Security-Policy can forbid every inline script.
(function () {
    'use strict';

    var data = JSON.parse(document.getElementById('dashboard-data').textContent);
    var lineNames = data.lineNames;
    var regionNames = {
        AFRICA: 'Africa', ARAB_STATES: 'Arab States', ASIA_PACIFIC: 'Asia-Pacific', GLOBAL: 'Global',
        LATIN_AMERICA_CARIBBEAN: 'Latin America and the Caribbean', EUROPE: 'Europe'
    };
    var usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

    // Amounts arrive as exact decimal strings; charts only need them as numbers for drawing.
    function amount(value) {
        return value === null || value === undefined ? null : Number(value);
    }

    function formatUsd(value) {
        return value === null || value === undefined ? 'no target' : usd.format(value);
    }

    // animation:false so that 'finished' means the final picture, which the browser test reads back.
    function chart(id, option) {
        var element = document.getElementById(id);
        var instance = echarts.init(element);
        instance.on('finished', function () {
            element.setAttribute('data-chart-finished', 'true');
        });
        option.animation = false;
        instance.setOption(option);
        window.addEventListener('resize', function () {
            instance.resize();
        });
        return instance;
    }

    var lines = data.progress.lines;
    chart('progress-chart', {
        tooltip: { trigger: 'axis', valueFormatter: formatUsd },
        legend: { data: ['Received', 'Target'] },
        grid: { left: 110, right: 20 },
        xAxis: { type: 'category', data: lines.map(function (line) { return lineNames[line.budgetLine]; }),
            axisLabel: { interval: 0, width: 110, overflow: 'break' } },
        yAxis: { type: 'value', axisLabel: { formatter: formatUsd } },
        series: [
            { name: 'Received', type: 'bar', data: lines.map(function (line) { return amount(line.receivedUsd); }) },
            { name: 'Target', type: 'bar', data: lines.map(function (line) { return amount(line.targetUsd); }) }
        ]
    });

    chart('regions-chart', {
        tooltip: { trigger: 'item', formatter: function (item) {
            return item.name + ': ' + formatUsd(item.value) + ' (' + item.data.sharePct + '%)';
        } },
        legend: { type: 'scroll', bottom: 0 },
        series: [{
            name: 'Income by region', type: 'pie', radius: ['35%', '65%'],
            label: { formatter: '{b}: {d}%' },
            data: data.regions.map(function (row) {
                return { name: regionNames[row.region] || row.region, value: amount(row.receivedUsd), sharePct: row.sharePct };
            })
        }]
    });

    chart('monthly-chart', {
        tooltip: { trigger: 'axis', valueFormatter: formatUsd },
        grid: { left: 110, right: 20 },
        xAxis: { type: 'category', data: data.monthly.map(function (row) { return row.month; }) },
        yAxis: { type: 'value', axisLabel: { formatter: formatUsd } },
        series: [{ name: 'Cumulative income', type: 'line', data: data.monthly.map(function (row) { return amount(row.cumulativeUsd); }) }]
    });
}());
